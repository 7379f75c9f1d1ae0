package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {

  private final Simulation cluster = new Simulation();

  @Test
  void createsOwnedPodsAndCountsThemReadyOnceRunning() {
    runningCluster(2);
    JsonObject set = cluster.create(Manifests.replicaSet("web", 3, "500m"));
    cluster.settle();

    List<JsonObject> pods = cluster.list("v1", "Pod");
    assertThat(names(pods))
        .hasSize(3)
        .allMatch(name -> name.matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}"));
    JsonObject pod = pods.get(0);
    assertThat(pod.getAsJsonObject("metadata").get("ownerReferences"))
        .isEqualTo(
            Manifests.array(
                """
                [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web", "uid": "%s",
                  "controller": true, "blockOwnerDeletion": true}]
                """
                    .formatted(JsonFields.uid(set))));
    assertThat(JsonFields.labels(pod)).containsExactly(java.util.Map.entry("app", "web"));
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"replicas": 3, "fullyLabeledReplicas": 3, "readyReplicas": 3,
                 "availableReplicas": 3, "observedGeneration": 1}
                """));
  }

  @Test
  void withoutKubeletPodsAreCountedButNotReady() {
    cluster.with(new ReplicaSetController(cluster.clock));
    cluster.create(Manifests.replicaSet("web", 2, "500m"));
    cluster.settle();

    assertThat(status())
        .isEqualTo(
            json("{\"replicas\": 2, \"fullyLabeledReplicas\": 2, \"observedGeneration\": 1}"));
  }

  @Test
  void scalesDownUnscheduledPodsFirstThenTheNewest() {
    runningCluster(1); // one node: 4 cpu
    cluster.create(Manifests.replicaSet("web", 1, "1"));
    cluster.settle();
    String oldest = names(cluster.list("v1", "Pod")).get(0);
    cluster.clock.advance(Duration.ofMinutes(1));
    scale(3);
    cluster.clock.advance(Duration.ofMinutes(1));
    scale(6); // two more fit, one does not
    List<String> running = runningPods();
    assertThat(running).hasSize(4);
    assertThat(cluster.list("v1", "Pod")).hasSize(6);

    scale(4);
    assertThat(cluster.list("v1", "Pod")).hasSize(4);
    assertThat(runningPods()).containsExactlyInAnyOrderElementsOf(running);

    scale(1);
    assertThat(names(cluster.list("v1", "Pod"))).containsExactly(oldest);
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"replicas": 1, "fullyLabeledReplicas": 1, "readyReplicas": 1,
                 "availableReplicas": 1, "observedGeneration": 5}
                """));
  }

  @Test
  void adoptsMatchingOrphans() {
    cluster.with(new ReplicaSetController(cluster.clock));
    cluster.create(
        Manifests.pod("orphan", "100m").replace("\"app\": \"orphan\"", "\"app\": \"web\""));
    JsonObject set = cluster.create(Manifests.replicaSet("web", 2, "100m"));
    cluster.settle();

    assertThat(cluster.list("v1", "Pod")).hasSize(2);
    assertThat(Owners.controllerUid(cluster.get("v1", "Pod", "shop", "orphan")))
        .isEqualTo(JsonFields.uid(set));
  }

  @Test
  void aQuotaRefusalBecomesAnEventAndAConditionUntilTheQuotaAllowsIt() {
    cluster
        .admitWith(new ResourceQuotaAdmission(TestCatalog.catalog()))
        .with(new ReplicaSetController(cluster.clock));
    JsonObject quota =
        cluster.create(
            """
            {"apiVersion": "v1", "kind": "ResourceQuota",
             "metadata": {"name": "pods", "namespace": "shop"}, "spec": {"hard": {"pods": "1"}}}
            """);
    cluster.create(Manifests.replicaSet("web", 2, "100m"));
    cluster.settle();

    String refusal =
        "pods \"web-\" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=1,"
            + " limited: pods=1";
    assertThat(cluster.list("v1", "Pod")).hasSize(1);
    assertThat(JsonFields.objects(status(), "conditions"))
        .containsExactly(
            json(
                """
                {"type": "ReplicaFailure", "status": "True",
                 "lastTransitionTime": "2025-03-01T10:00:00Z", "reason": "FailedCreate",
                 "message": "%s"}
                """
                    .formatted(refusal.replace("\"", "\\\""))));
    assertThat(eventCounts()).containsExactly("FailedCreate Error creating: " + refusal + " x1");
    assertThat(cluster.nextDue()).contains(Duration.ofSeconds(10));

    cluster.advance(
        Duration.ofSeconds(9)); // other changes meanwhile do not bring the retry forward
    scale(3);
    assertThat(eventCounts()).containsExactly("FailedCreate Error creating: " + refusal + " x1");
    cluster.advance(Duration.ofSeconds(1));
    assertThat(eventCounts()).containsExactly("FailedCreate Error creating: " + refusal + " x2");
    assertThat(JsonFields.objects(status(), "conditions")).hasSize(1);

    JsonObject raised = cluster.get("v1", "ResourceQuota", "shop", "pods");
    raised.getAsJsonObject("spec").getAsJsonObject("hard").addProperty("pods", "5");
    cluster.state.update(raised);
    cluster.advance(Duration.ofSeconds(10));

    assertThat(cluster.list("v1", "Pod")).hasSize(3);
    assertThat(status().has("conditions")).isFalse();
    assertThat(JsonFields.name(quota)).isEqualTo("pods");
  }

  private void runningCluster(int nodes) {
    cluster
        .with(new ReplicaSetController(cluster.clock))
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(nodes).forEach(cluster.state::create);
  }

  private void scale(int replicas) {
    JsonObject set = cluster.get("apps/v1", "ReplicaSet", "shop", "web");
    cluster.state.update(Manifests.with(set, "spec.replicas", new JsonPrimitive(replicas)));
    cluster.settle();
  }

  private List<String> runningPods() {
    return cluster.list("v1", "Pod").stream()
        .filter(pod -> "Running".equals(Pods.phase(pod)))
        .map(JsonFields::name)
        .toList();
  }

  private List<String> eventCounts() {
    return cluster.list("v1", "Event").stream()
        .map(
            event ->
                JsonFields.string(event, "reason")
                    + " "
                    + JsonFields.string(event, "message")
                    + " x"
                    + JsonFields.integer(event, 0, "count"))
        .toList();
  }

  private JsonObject status() {
    return JsonFields.object(cluster.get("apps/v1", "ReplicaSet", "shop", "web"), "status");
  }
}
