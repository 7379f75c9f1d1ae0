package dev.tugboat.restore.migrate.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class SnapshotComparisonTest {

  private static final String SNAPSHOT =
      """
      {"apiVersion": "apps/v1", "kind": "Deployment",
       "metadata": {"name": "cart", "namespace": "shop", "uid": "a1", "resourceVersion": "10",
                    "generation": 2, "creationTimestamp": "2026-11-01T00:00:00Z",
                    "labels": {"app": "cart"}},
       "spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "c", "image": "i:1"}]}}},
       "status": {"availableReplicas": 3}}
      """;

  @Test
  void serverFieldsStatusPreQuiesceAnnotationsAndRestoreLabelsAreIgnored() {
    JsonObject live =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "cart", "namespace": "shop", "uid": "b2", "resourceVersion": "99",
                          "generation": 7, "creationTimestamp": "2026-11-23T00:00:00Z",
                          "managedFields": [{"manager": "tugboat"}],
                          "labels": {"app": "cart", "velero.io/restore-name": "m-undo-shop",
                                     "velero.io/backup-name": "m"},
                          "annotations": {"tugboat.dev/pre-quiesce-replicas": "3"}},
             "spec": {"replicas": 3, "template": {"spec": {"containers": [{"name": "c", "image": "i:1"}]}}},
             "status": {"availableReplicas": 0}}
            """);

    assertThat(SnapshotComparison.differences(json(SNAPSHOT), live)).isEmpty();
  }

  @Test
  void aChangedReplicaCountAndAChangedImageAreNamedByField() {
    JsonObject live = json(SNAPSHOT);
    live.getAsJsonObject("spec").addProperty("replicas", 0);
    live.getAsJsonObject("spec")
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject()
        .addProperty("image", "i:2");
    live.getAsJsonObject("metadata").getAsJsonObject("labels").addProperty("extra", "x");

    assertThat(SnapshotComparison.differences(json(SNAPSHOT), live))
        .containsExactly(
            "metadata.labels.extra: absent in the snapshot, \"x\" live",
            "spec.replicas: 3 in the snapshot, 0 live",
            "spec.template.spec.containers[0].image: \"i:1\" in the snapshot, \"i:2\" live");
  }

  @Test
  void aServicesAllocatedClusterIpIsIgnored() {
    JsonObject snapshot =
        json(
            """
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"clusterIP": "10.0.0.1", "clusterIPs": ["10.0.0.1"], "ports": [{"port": 80}]}}
            """);
    JsonObject live = snapshot.deepCopy();
    live.getAsJsonObject("spec").addProperty("clusterIP", "10.0.0.9");
    live.getAsJsonObject("spec").remove("clusterIPs");

    assertThat(SnapshotComparison.differences(snapshot, live)).isEmpty();
  }

  @Test
  void objectsAControllerOwnsAndEndpointsAreNotCompared() {
    JsonObject replicaSet =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "ReplicaSet",
             "metadata": {"name": "cart-1", "namespace": "shop",
                          "ownerReferences": [{"kind": "Deployment", "name": "cart", "controller": true}]}}
            """);
    JsonObject endpoints =
        json(
            "{\"apiVersion\": \"v1\", \"kind\": \"Endpoints\", \"metadata\": {\"name\": \"web\"}}");

    assertThat(SnapshotComparison.comparable(new SnapshotObject("replicasets.apps", replicaSet)))
        .isFalse();
    assertThat(SnapshotComparison.comparable(new SnapshotObject("endpoints", endpoints))).isFalse();
    assertThat(
            SnapshotComparison.comparable(new SnapshotObject("deployments.apps", json(SNAPSHOT))))
        .isTrue();
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
