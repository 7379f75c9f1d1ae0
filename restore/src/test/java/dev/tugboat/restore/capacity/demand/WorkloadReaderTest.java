package dev.tugboat.restore.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadReaderTest {

  private static final String APP_CONTAINER =
      "{\"name\": \"app\", \"resources\": {\"requests\": {\"cpu\": \"500m\"}}}";

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /** An object of this kind whose pod template has these spec fields besides one container. */
  private static JsonObject controller(
      String apiVersion, String kind, String specFields, String podFields) {
    return json(
        """
        {"apiVersion": "%s", "kind": "%s", "metadata": {"namespace": "shop", "name": "web"},
         "spec": {%s "template": {"metadata": {"labels": {"app": "web"}},
                                  "spec": {%s "containers": [%s]}}}}
        """
            .formatted(apiVersion, kind, specFields, podFields, APP_CONTAINER));
  }

  private static Workload read(JsonObject object) {
    return WorkloadReader.read(object).orElseThrow();
  }

  private static final ResourceVector HALF_CPU_POD =
      ResourceVector.of(Map.of("cpu", 500L, "pods", 1L));

  @Test
  void aDeploymentWithItsReplicasRequestPlacementAndLabels() {
    Workload web =
        read(
            controller(
                "apps/v1",
                "Deployment",
                "\"replicas\": 3,",
                "\"nodeSelector\": {\"disk\": \"ssd\"},"));

    assertThat(web.kind()).isEqualTo("Deployment");
    assertThat(web.describe()).isEqualTo("Deployment shop/web");
    assertThat(web.replicas()).isEqualTo(Replicas.of(3));
    assertThat(web.podRequest()).isEqualTo(HALF_CPU_POD);
    assertThat(web.maxPerNode()).isEqualTo(Workload.UNLIMITED_PER_NODE);
    assertThat(web.templateLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(web.placement().refusal(new NodeShape("n1", Map.of(), List.of())))
        .contains("node selector disk=ssd");
  }

  @Test
  void aStatefulSetWithoutReplicasRunsOne() {
    assertThat(read(controller("apps/v1", "StatefulSet", "", "")).replicas())
        .isEqualTo(Replicas.of(1));
  }

  @Test
  void requiredAntiAffinityOnTheHostnameAgainstItsOwnPodsAllowsOnePerNode() {
    String antiAffinity =
        """
        "affinity": {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
          {"topologyKey": "%s", %s "labelSelector": {"matchLabels": {"app": "%s"}}}]}},
        """;

    assertThat(
            read(controller(
                    "apps/v1",
                    "Deployment",
                    "",
                    antiAffinity.formatted("kubernetes.io/hostname", "", "web")))
                .maxPerNode())
        .isEqualTo(1);
    assertThat(
            read(controller(
                    "apps/v1",
                    "Deployment",
                    "",
                    antiAffinity.formatted(
                        "kubernetes.io/hostname", "\"namespaces\": [\"shop\"],", "web")))
                .maxPerNode())
        .isEqualTo(1);
    // Another app's pods, another topology, or another namespace leave the node count open.
    assertThat(
            read(controller(
                    "apps/v1",
                    "Deployment",
                    "",
                    antiAffinity.formatted("kubernetes.io/hostname", "", "db")))
                .maxPerNode())
        .isEqualTo(Workload.UNLIMITED_PER_NODE);
    assertThat(
            read(controller(
                    "apps/v1",
                    "Deployment",
                    "",
                    antiAffinity.formatted("topology.kubernetes.io/zone", "", "web")))
                .maxPerNode())
        .isEqualTo(Workload.UNLIMITED_PER_NODE);
    assertThat(
            read(controller(
                    "apps/v1",
                    "Deployment",
                    "",
                    antiAffinity.formatted(
                        "kubernetes.io/hostname", "\"namespaces\": [\"other\"],", "web")))
                .maxPerNode())
        .isEqualTo(Workload.UNLIMITED_PER_NODE);
  }

  @Test
  void aHostPortOrHostNetworkPortAllowsOnePerNode() {
    JsonObject hostPort =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"namespace": "shop", "name": "lb"},
             "spec": {"template": {"spec": {"containers": [
               {"name": "lb", "ports": [{"containerPort": 80, "hostPort": 8080}]}]}}}}
            """);
    JsonObject hostNetwork =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"namespace": "shop", "name": "lb"},
             "spec": {"template": {"spec": {"hostNetwork": true, "containers": [
               {"name": "lb", "ports": [{"containerPort": 80}]}]}}}}
            """);
    JsonObject containerPortOnly =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"namespace": "shop", "name": "lb"},
             "spec": {"template": {"spec": {"containers": [
               {"name": "lb", "ports": [{"containerPort": 80}]}]}}}}
            """);

    assertThat(read(hostPort).maxPerNode()).isEqualTo(1);
    assertThat(read(hostNetwork).maxPerNode()).isEqualTo(1);
    assertThat(read(containerPortOnly).maxPerNode()).isEqualTo(Workload.UNLIMITED_PER_NODE);
  }

  @Test
  void aDaemonSetRunsOnePerEligibleNode() {
    Workload agent = read(controller("apps/v1", "DaemonSet", "", ""));

    assertThat(agent.replicas()).isEqualTo(Replicas.ONE_PER_ELIGIBLE_NODE);
    assertThat(agent.replicas().on(7)).isEqualTo(7);
    assertThat(agent.maxPerNode()).isEqualTo(1);
  }

  @Test
  void aJobRunsItsParallelismCappedByItsCompletions() {
    assertThat(read(controller("batch/v1", "Job", "", "")).replicas()).isEqualTo(Replicas.of(1));
    assertThat(read(controller("batch/v1", "Job", "\"parallelism\": 4,", "")).replicas())
        .isEqualTo(Replicas.of(4));
    assertThat(
            read(controller("batch/v1", "Job", "\"parallelism\": 4, \"completions\": 2,", ""))
                .replicas())
        .isEqualTo(Replicas.of(2));
  }

  @Test
  void aFinishedOrSuspendedJobIsNoDemand() {
    JsonObject completed = controller("batch/v1", "Job", "", "");
    completed.add(
        "status", json("{\"conditions\": [{\"type\": \"Complete\", \"status\": \"True\"}]}"));
    JsonObject stillRunning = controller("batch/v1", "Job", "", "");
    stillRunning.add(
        "status", json("{\"conditions\": [{\"type\": \"Failed\", \"status\": \"False\"}]}"));

    assertThat(WorkloadReader.read(completed)).isEmpty();
    assertThat(WorkloadReader.read(controller("batch/v1", "Job", "\"suspend\": true,", "")))
        .isEmpty();
    assertThat(WorkloadReader.read(stillRunning)).isPresent();
  }

  @Test
  void aReplicaSetCountsOnlyWithoutAControllingOwner() {
    JsonObject owned = controller("apps/v1", "ReplicaSet", "\"replicas\": 2,", "");
    owned
        .getAsJsonObject("metadata")
        .add(
            "ownerReferences",
            JsonParser.parseString(
                "[{\"kind\": \"Deployment\", \"name\": \"web\", \"controller\": true}]"));

    assertThat(WorkloadReader.read(owned)).isEmpty();
    assertThat(read(controller("apps/v1", "ReplicaSet", "\"replicas\": 2,", "")).replicas())
        .isEqualTo(Replicas.of(2));
  }

  @Test
  void aBarePodCountsOnceUnlessControlledOrFinished() {
    String pod =
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"namespace": "shop", "name": "debug", "labels": {"run": "debug"} %s},
         "spec": {"containers": [%s]}, "status": {"phase": "%s"}}
        """;

    Workload debug = read(json(pod.formatted("", APP_CONTAINER, "Running")));
    assertThat(debug.replicas()).isEqualTo(Replicas.of(1));
    assertThat(debug.podRequest()).isEqualTo(HALF_CPU_POD);
    assertThat(debug.templateLabels()).isEqualTo(Map.of("run", "debug"));
    assertThat(WorkloadReader.read(json(pod.formatted("", APP_CONTAINER, "Succeeded")))).isEmpty();
    assertThat(WorkloadReader.read(json(pod.formatted("", APP_CONTAINER, "Failed")))).isEmpty();
    assertThat(
            WorkloadReader.read(
                json(
                    pod.formatted(
                        ", \"ownerReferences\": [{\"kind\": \"ReplicaSet\", \"controller\": true}]",
                        APP_CONTAINER,
                        "Running"))))
        .isEmpty();
  }

  @Test
  void otherKindsAndLookalikeCustomResourcesAreNotWorkloads() {
    assertThat(WorkloadReader.read(json("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}")))
        .isEmpty();
    assertThat(WorkloadReader.read(controller("example.com/v1", "Deployment", "", "")))
        .isEqualTo(Optional.empty());
    assertThat(WorkloadReader.read(controller("batch/v1", "CronJob", "", ""))).isEmpty();
  }

  @Test
  void theTargetLimitRangeDefaultsTheTemplateOrRefusesIt() {
    JsonObject requestless =
        json(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"namespace": "shop", "name": "web"},
             "spec": {"template": {"spec": {"containers": [{"name": "app"}]}}}}
            """);
    LimitRangeDefaults defaults =
        LimitRangeDefaults.from(
            List.of(
                json(
                    """
                    {"metadata": {"name": "lr"}, "spec": {"limits": [
                      {"type": "Container", "defaultRequest": {"cpu": "250m"}, "max": {"memory": "1Gi"}}]}}
                    """)));
    LimitRangeDefaults tooSmall =
        LimitRangeDefaults.from(
            List.of(
                json(
                    """
                    {"metadata": {"name": "tiny"}, "spec": {"limits": [
                      {"type": "Container", "min": {"cpu": "1"}}]}}
                    """)));

    assertThat(WorkloadReader.read(requestless, defaults).orElseThrow().podRequest())
        .isEqualTo(ResourceVector.of(Map.of("cpu", 250L, "memory", 1L << 30, "pods", 1L)));
    assertThatThrownBy(
            () -> WorkloadReader.read(controller("apps/v1", "Deployment", "", ""), tooSmall))
        .isInstanceOf(LimitRangeViolation.class)
        .hasMessage("container 'app': cpu request 500m is below the minimum 1 (LimitRange 'tiny')");
  }
}
