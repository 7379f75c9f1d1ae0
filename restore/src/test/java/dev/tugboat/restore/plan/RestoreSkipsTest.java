package dev.tugboat.restore.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestoreSkipsTest {

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static JsonObject named(String kind) {
    return json("{\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"x\",\"namespace\":\"shop\"}}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nodes",
        "events",
        "events.events.k8s.io",
        "backups.velero.io",
        "restores.velero.io",
        "resticrepositories.velero.io",
        "csinodes.storage.k8s.io",
        "volumeattachments.storage.k8s.io",
        "backuprepositories.velero.io"
      })
  void skipsEveryItemOfVelerosNonRestorableTypes(String groupResource) {
    assertThat(RestoreSkips.isNeverRestored(groupResource)).isTrue();
    assertThat(RestoreSkips.skipReason(groupResource, named("Anything")))
        .contains(groupResource + " are never restored (Velero's non-restorable resources)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "namespaces",
        "configmaps",
        "schedules.velero.io",
        "datauploads.velero.io",
        "events.example.com",
        "storageclasses.storage.k8s.io"
      })
  void restoresOtherTypesIncludingVelerosRestorableKinds(String groupResource) {
    assertThat(RestoreSkips.isNeverRestored(groupResource)).isFalse();
    assertThat(RestoreSkips.skipReason(groupResource, named("Anything"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Succeeded", "Failed"})
  void skipsACompletedPod(String phase) {
    JsonObject pod = json("{\"kind\":\"Pod\",\"status\":{\"phase\":\"" + phase + "\"}}");

    assertThat(RestoreSkips.skipReason("pods", pod))
        .contains("the pod is complete (status.phase " + phase + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Running", "Pending", "Unknown"})
  void restoresAPodThatIsNotComplete(String phase) {
    JsonObject pod = json("{\"kind\":\"Pod\",\"status\":{\"phase\":\"" + phase + "\"}}");

    assertThat(RestoreSkips.skipReason("pods", pod)).isEmpty();
  }

  @Test
  void restoresACustomResourceWhosePhaseIsSucceeded() {
    JsonObject widget = json("{\"kind\":\"Widget\",\"status\":{\"phase\":\"Succeeded\"}}");

    assertThat(RestoreSkips.skipReason("widgets.example.com", widget)).isEmpty();
  }

  @Test
  void skipsAMirrorPod() {
    JsonObject pod =
        json(
            """
            {"kind":"Pod","metadata":{"name":"kube-apiserver-node1",
             "annotations":{"kubernetes.io/config.mirror":"1f3e9c"}},
             "status":{"phase":"Running"}}""");

    assertThat(RestoreSkips.skipReason("pods", pod))
        .contains(
            "mirror pod (annotation kubernetes.io/config.mirror):"
                + " the kubelet recreates it from its static manifest");
  }

  @Test
  void restoresAPodWhoseMirrorAnnotationIsEmpty() {
    JsonObject pod =
        json(
            """
            {"kind":"Pod","metadata":{"name":"web",
             "annotations":{"kubernetes.io/config.mirror":""}},
             "status":{"phase":"Running"}}""");

    assertThat(RestoreSkips.skipReason("pods", pod)).isEmpty();
  }

  @Test
  void aCompletedMirrorPodIsReportedAsCompleteFirstAsVeleroChecksThatFirst() {
    JsonObject pod =
        json(
            """
            {"kind":"Pod","metadata":{"name":"etcd-node1",
             "annotations":{"kubernetes.io/config.mirror":"ab12"}},
             "status":{"phase":"Failed"}}""");

    assertThat(RestoreSkips.skipReason("pods", pod))
        .contains("the pod is complete (status.phase Failed)");
  }

  @Test
  void skipsAJobWithACompletionTime() {
    JsonObject job =
        json(
            """
            {"kind":"Job","status":{"completionTime":"2026-03-01T10:00:00Z","succeeded":1,
             "conditions":[{"type":"Complete","status":"True"}]}}""");

    assertThat(RestoreSkips.skipReason("jobs.batch", job))
        .contains("the job is complete (status.completionTime 2026-03-01T10:00:00Z)");
  }

  @Test
  void restoresAFailedJobBecauseVeleroLooksOnlyAtTheCompletionTime() {
    JsonObject job =
        json(
            """
            {"kind":"Job","status":{"failed":6,
             "conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}""");

    assertThat(RestoreSkips.skipReason("jobs.batch", job)).isEmpty();
  }

  @Test
  void restoresARunningJob() {
    JsonObject job = json("{\"kind\":\"Job\",\"status\":{\"active\":1}}");

    assertThat(RestoreSkips.skipReason("jobs.batch", job)).isEmpty();
  }

  @Test
  void skipsAnApiServiceTheApiServerRegistersItself() {
    JsonObject apiService =
        json(
            """
            {"kind":"APIService","metadata":{"name":"v1.apps",
             "labels":{"kube-aggregator.kubernetes.io/automanaged":"onstart"}}}""");

    assertThat(RestoreSkips.skipReason("apiservices.apiregistration.k8s.io", apiService))
        .contains(
            "the API server registers this APIService itself"
                + " (label kube-aggregator.kubernetes.io/automanaged)");
  }

  @Test
  void restoresAnApiServiceOfAnAggregatedServer() {
    JsonObject apiService =
        json(
            """
            {"kind":"APIService","metadata":{"name":"v1beta1.metrics.k8s.io",
             "labels":{"k8s-app":"metrics-server"}}}""");

    assertThat(RestoreSkips.skipReason("apiservices.apiregistration.k8s.io", apiService)).isEmpty();
  }

  @Test
  void restoresAPodWithoutStatusOrMetadata() {
    assertThat(RestoreSkips.skipReason("pods", json("{\"kind\":\"Pod\",\"status\":\"odd\"}")))
        .isEmpty();
  }
}
