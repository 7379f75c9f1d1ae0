package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatefulSetControllerTest {

  private final Simulation cluster = new Simulation();

  StatefulSetControllerTest() {
    cluster
        .with(new StatefulSetController(cluster.clock))
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(2).forEach(cluster.state::create);
  }

  @Test
  void createsOrdinalsInOrderEachWithItsClaims() {
    JsonObject set = cluster.create(statefulSet("OrderedReady", 3));
    cluster.settle();

    assertThat(names(cluster.list("v1", "Pod"))).containsExactly("db-0");
    cluster.advance(Duration.ofSeconds(5));
    assertThat(names(cluster.list("v1", "Pod"))).containsExactly("db-0", "db-1");
    cluster.advance(Duration.ofSeconds(5));
    cluster.advance(Duration.ofSeconds(5));

    assertThat(names(cluster.list("v1", "Pod"))).containsExactly("db-0", "db-1", "db-2");
    assertThat(names(cluster.list("v1", "PersistentVolumeClaim")))
        .containsExactly("data-db-0", "data-db-1", "data-db-2");
    JsonObject pod = cluster.get("v1", "Pod", "shop", "db-1");
    assertThat(JsonFields.labels(pod))
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                "app", "db",
                "statefulset.kubernetes.io/pod-name", "db-1",
                "apps.kubernetes.io/pod-index", "1"));
    assertThat(JsonFields.string(pod, "spec", "hostname")).isEqualTo("db-1");
    assertThat(JsonFields.string(pod, "spec", "subdomain")).isEqualTo("db-headless");
    assertThat(pod.getAsJsonObject("spec").get("volumes"))
        .isEqualTo(
            Manifests.array(
                """
                [{"name": "config", "configMap": {"name": "db-config"}},
                 {"name": "data", "persistentVolumeClaim": {"claimName": "data-db-1"}}]
                """));
    assertThat(Owners.controllerUid(pod)).isEqualTo(JsonFields.uid(set));
    JsonObject claim = cluster.get("v1", "PersistentVolumeClaim", "shop", "data-db-1");
    assertThat(JsonFields.labels(claim))
        .isEqualTo(java.util.Map.of("app", "db", "tier", "storage"));
    assertThat(claim.get("spec"))
        .isEqualTo(
            json(
                """
                {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}
                """));
    assertThat(claim.getAsJsonObject("metadata").has("ownerReferences")).isFalse();
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"observedGeneration": 1, "replicas": 3, "readyReplicas": 3,
                 "currentReplicas": 3, "updatedReplicas": 3, "availableReplicas": 3}
                """));
  }

  @Test
  void parallelPolicyCreatesEveryOrdinalAtOnce() {
    cluster.create(statefulSet("Parallel", 3));
    cluster.settle();

    assertThat(names(cluster.list("v1", "Pod"))).containsExactly("db-0", "db-1", "db-2");
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"observedGeneration": 1, "replicas": 3, "currentReplicas": 3,
                 "updatedReplicas": 3, "availableReplicas": 0}
                """));
  }

  @Test
  void scalingDownRemovesTheHighestOrdinalsAndKeepsTheirClaims() {
    cluster.create(statefulSet("Parallel", 4));
    cluster.advance(Duration.ofSeconds(5));

    JsonObject set = cluster.get("apps/v1", "StatefulSet", "shop", "db");
    cluster.state.update(Manifests.with(set, "spec.replicas", new JsonPrimitive(2)));
    cluster.settle();

    assertThat(names(cluster.list("v1", "Pod"))).containsExactly("db-0", "db-1");
    assertThat(names(cluster.list("v1", "PersistentVolumeClaim")))
        .containsExactly("data-db-0", "data-db-1", "data-db-2", "data-db-3");
    assertThat(JsonFields.integer(status(), -1, "replicas")).isEqualTo(2);
  }

  @Test
  void replacesAFailedPod() {
    cluster.create(statefulSet("Parallel", 1));
    cluster.advance(Duration.ofSeconds(5));
    JsonObject failed = cluster.get("v1", "Pod", "shop", "db-0");
    String firstUid = JsonFields.uid(failed);
    failed.add("status", json("{\"phase\": \"Failed\"}"));
    cluster.state.updateStatus(failed);
    cluster.settle();

    JsonObject replacement = cluster.get("v1", "Pod", "shop", "db-0");
    assertThat(JsonFields.uid(replacement)).isNotEqualTo(firstUid);
  }

  private static String statefulSet(String policy, int replicas) {
    return """
        {"apiVersion": "apps/v1", "kind": "StatefulSet",
         "metadata": {"name": "db", "namespace": "shop"},
         "spec": {"replicas": %d, "serviceName": "db-headless", "podManagementPolicy": "%s",
           "selector": {"matchLabels": {"app": "db"}},
           "template": {"metadata": {"labels": {"app": "db"}},
             "spec": {"containers": [{"name": "db", "image": "postgres:17",
                      "resources": {"requests": {"cpu": "100m"}}}],
                      "volumes": [{"name": "config", "configMap": {"name": "db-config"}}]}},
           "volumeClaimTemplates": [{"metadata": {"name": "data", "labels": {"tier": "storage"}},
             "spec": {"accessModes": ["ReadWriteOnce"],
                      "resources": {"requests": {"storage": "1Gi"}}}}]}}
        """
        .formatted(replicas, policy);
  }

  private JsonObject status() {
    return JsonFields.object(cluster.get("apps/v1", "StatefulSet", "shop", "db"), "status");
  }
}
