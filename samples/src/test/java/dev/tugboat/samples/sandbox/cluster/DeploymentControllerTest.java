package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentControllerTest {

  private final Simulation cluster = new Simulation();

  @Test
  void rollsOutOneReplicaSetAndReportsAvailability() {
    runningCluster();
    JsonObject deployment = cluster.create(Manifests.deployment("web", 3, "500m"));
    cluster.settle();

    String hash = PodTemplateHash.of(json(Manifests.template("web", "500m")));
    JsonObject set = cluster.get("apps/v1", "ReplicaSet", "shop", "web-" + hash);
    assertThat(JsonFields.labels(set)).isEqualTo(Map.of("app", "web", "pod-template-hash", hash));
    assertThat(JsonFields.stringMap(set, "metadata", "annotations"))
        .isEqualTo(Map.of("deployment.kubernetes.io/revision", "1"));
    assertThat(set.getAsJsonObject("metadata").get("ownerReferences"))
        .isEqualTo(
            Manifests.array(
                """
                [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "%s",
                  "controller": true, "blockOwnerDeletion": true}]
                """
                    .formatted(JsonFields.uid(deployment))));
    assertThat(set.getAsJsonObject("spec").get("selector"))
        .isEqualTo(
            json("{\"matchLabels\": {\"app\": \"web\", \"pod-template-hash\": \"" + hash + "\"}}"));
    assertThat(cluster.list("v1", "Pod"))
        .hasSize(3)
        .allMatch(pod -> hash.equals(JsonFields.labels(pod).get("pod-template-hash")));
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"observedGeneration": 1, "replicas": 3, "updatedReplicas": 3,
                 "readyReplicas": 3, "availableReplicas": 3,
                 "conditions": [
                   {"type": "Available", "status": "True",
                    "lastUpdateTime": "2025-03-01T10:00:00Z",
                    "lastTransitionTime": "2025-03-01T10:00:00Z",
                    "reason": "MinimumReplicasAvailable",
                    "message": "Deployment has minimum availability."},
                   {"type": "Progressing", "status": "True",
                    "lastUpdateTime": "2025-03-01T10:00:00Z",
                    "lastTransitionTime": "2025-03-01T10:00:00Z",
                    "reason": "NewReplicaSetAvailable",
                    "message": "ReplicaSet \\"web-%s\\" has successfully progressed."}]}
                """
                    .formatted(hash)));
    assertThat(
            JsonFields.stringMap(
                cluster.get("apps/v1", "Deployment", "shop", "web"), "metadata", "annotations"))
        .isEqualTo(Map.of("deployment.kubernetes.io/revision", "1"));
  }

  @Test
  void adoptsAMatchingOrphanReplicaSet() {
    cluster.with(new DeploymentController(cluster.clock));
    JsonObject orphan =
        cluster.create(
            Manifests.replicaSet("legacy", 0, "100m")
                .replace(
                    "\"metadata\": {\"name\": \"legacy\", \"namespace\": \"shop\"}",
                    "\"metadata\": {\"name\": \"legacy\", \"namespace\": \"shop\","
                        + " \"labels\": {\"app\": \"web\"}}"));
    assertThat(Owners.controllerUid(orphan)).isNull();
    JsonObject deployment = cluster.create(Manifests.deployment("web", 1, "100m"));
    cluster.settle();

    assertThat(Owners.controllerUid(cluster.get("apps/v1", "ReplicaSet", "shop", "legacy")))
        .isEqualTo(JsonFields.uid(deployment));
  }

  @Test
  void withoutRunningPodsTheDeploymentIsUnavailable() {
    cluster
        .with(new DeploymentController(cluster.clock))
        .with(new ReplicaSetController(cluster.clock));
    cluster.create(Manifests.deployment("web", 4, "500m"));
    cluster.settle();

    String set = "web-" + PodTemplateHash.of(json(Manifests.template("web", "500m")));
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"observedGeneration": 1, "replicas": 4, "updatedReplicas": 4,
                 "unavailableReplicas": 4,
                 "conditions": [
                   {"type": "Available", "status": "False",
                    "lastUpdateTime": "2025-03-01T10:00:00Z",
                    "lastTransitionTime": "2025-03-01T10:00:00Z",
                    "reason": "MinimumReplicasUnavailable",
                    "message": "Deployment does not have minimum availability."},
                   {"type": "Progressing", "status": "True",
                    "lastUpdateTime": "2025-03-01T10:00:00Z",
                    "lastTransitionTime": "2025-03-01T10:00:00Z",
                    "reason": "ReplicaSetUpdated",
                    "message": "ReplicaSet \\"%s\\" is progressing."}]}
                """
                    .formatted(set)));
  }

  @Test
  void scalesUpAndDownThroughItsReplicaSet() {
    runningCluster();
    cluster.create(Manifests.deployment("web", 2, "100m"));
    cluster.settle();

    update("spec.replicas", new JsonPrimitive(5));
    assertThat(cluster.list("v1", "Pod")).hasSize(5);
    assertThat(JsonFields.integer(status(), 0, "availableReplicas")).isEqualTo(5);

    update("spec.replicas", new JsonPrimitive(1));
    assertThat(cluster.list("v1", "Pod")).hasSize(1);
    assertThat(cluster.list("apps/v1", "ReplicaSet")).hasSize(1);
    JsonObject status = status();
    assertThat(JsonFields.integer(status, 0, "replicas")).isEqualTo(1);
    assertThat(JsonFields.integer(status, 0, "observedGeneration")).isEqualTo(3);
    // scaling a finished rollout does not reopen it
    assertThat(
            JsonFields.string(
                Conditions.find(cluster.get("apps/v1", "Deployment", "shop", "web"), "Progressing"),
                "reason"))
        .isEqualTo("NewReplicaSetAvailable");
  }

  @Test
  void aNewTemplateGetsANewReplicaSetAndTheOldOneScalesToZero() {
    runningCluster();
    cluster.create(Manifests.deployment("web", 2, "100m"));
    cluster.settle();
    String first = "web-" + PodTemplateHash.of(json(Manifests.template("web", "100m")));
    String second = "web-" + PodTemplateHash.of(json(Manifests.template("web", "200m")));

    cluster.clock.advance(Duration.ofMinutes(5));
    update("spec.template", json(Manifests.template("web", "200m")));

    assertThat(second).isNotEqualTo(first);
    assertThat(replicaSets()).containsExactly(Map.entry(first, "1:0"), Map.entry(second, "2:2"));
    assertThat(cluster.list("v1", "Pod"))
        .hasSize(2)
        .allMatch(pod -> JsonFields.name(pod).startsWith(second + "-"));
    assertThat(
            JsonFields.stringMap(
                cluster.get("apps/v1", "Deployment", "shop", "web"), "metadata", "annotations"))
        .containsEntry("deployment.kubernetes.io/revision", "2");
    JsonObject progressing =
        Conditions.find(cluster.get("apps/v1", "Deployment", "shop", "web"), "Progressing");
    assertThat(JsonFields.string(progressing, "message"))
        .isEqualTo("ReplicaSet \"" + second + "\" has successfully progressed.");
    assertThat(JsonFields.string(progressing, "lastUpdateTime")).isEqualTo("2025-03-01T10:05:00Z");
    assertThat(JsonFields.string(progressing, "lastTransitionTime"))
        .isEqualTo("2025-03-01T10:00:00Z");

    // rolling back to the first template revives its set as the newest revision
    update("spec.template", json(Manifests.template("web", "100m")));
    assertThat(replicaSets()).containsExactly(Map.entry(first, "3:2"), Map.entry(second, "2:0"));
  }

  @Test
  void keepsOnlyRevisionHistoryLimitIdleSets() {
    runningCluster();
    JsonObject deployment = json(Manifests.deployment("web", 1, "100m"));
    deployment.getAsJsonObject("spec").addProperty("revisionHistoryLimit", 1);
    cluster.state.create(deployment);
    cluster.settle();
    update("spec.template", json(Manifests.template("web", "200m")));
    update("spec.template", json(Manifests.template("web", "300m")));

    assertThat(names(cluster.list("apps/v1", "ReplicaSet")))
        .containsExactlyInAnyOrder(
            "web-" + PodTemplateHash.of(json(Manifests.template("web", "200m"))),
            "web-" + PodTemplateHash.of(json(Manifests.template("web", "300m"))));
  }

  @Test
  void templateHashIgnoresKeyOrder() {
    JsonObject template = json(Manifests.template("web", "100m"));
    JsonObject reordered =
        json(
            """
            {"spec": {"containers": [{"resources": {"requests": {"cpu": "100m"}},
                                      "image": "nginx:1.27", "name": "app"}]},
             "metadata": {"labels": {"app": "web"}}}
            """);

    assertThat(PodTemplateHash.of(reordered))
        .isEqualTo(PodTemplateHash.of(template))
        .matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
    assertThat(PodTemplateHash.of(json(Manifests.template("web", "101m"))))
        .isNotEqualTo(PodTemplateHash.of(template));
  }

  @Test
  void maxUnavailableFollowsTheRollingUpdateStrategy() {
    assertThat(DeploymentController.maxUnavailable(json("{}"), 10)).isEqualTo(2);
    assertThat(DeploymentController.maxUnavailable(strategy("{\"type\": \"Recreate\"}"), 10))
        .isZero();
    assertThat(
            DeploymentController.maxUnavailable(
                strategy("{\"rollingUpdate\": {\"maxUnavailable\": 3, \"maxSurge\": 0}}"), 10))
        .isEqualTo(3);
    assertThat(
            DeploymentController.maxUnavailable(
                strategy("{\"rollingUpdate\": {\"maxUnavailable\": \"0%\", \"maxSurge\": \"0%\"}}"),
                10))
        .isEqualTo(1);
  }

  private static JsonObject strategy(String strategy) {
    return json("{\"spec\": {\"strategy\": " + strategy + "}}");
  }

  private void runningCluster() {
    cluster
        .with(new DeploymentController(cluster.clock))
        .with(new ReplicaSetController(cluster.clock))
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock));
    new NodeFactory(cluster.clock, "8", "16Gi").nodes(2).forEach(cluster.state::create);
  }

  private void update(String path, com.google.gson.JsonElement value) {
    JsonObject deployment = cluster.get("apps/v1", "Deployment", "shop", "web");
    cluster.state.update(Manifests.with(deployment, path, value));
    cluster.settle();
  }

  /** Each set as {@code revision:replicas}, by name. */
  private Map<String, String> replicaSets() {
    Map<String, String> sets = new java.util.TreeMap<>();
    for (JsonObject set : cluster.list("apps/v1", "ReplicaSet")) {
      sets.put(
          JsonFields.name(set),
          JsonFields.stringMap(set, "metadata", "annotations")
                  .get("deployment.kubernetes.io/revision")
              + ":"
              + JsonFields.integer(set, -1, "spec", "replicas"));
    }
    return sets;
  }

  private JsonObject status() {
    return JsonFields.object(cluster.get("apps/v1", "Deployment", "shop", "web"), "status");
  }
}
