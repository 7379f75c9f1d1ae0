package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo seed on three nodes, driven over HTTP by client-java and kubectl: the simulated cluster
 * brings it up and follows scaling and deletion.
 */
class DemoClusterTest {

  private static final Set<String> NODES = Set.of("node-1", "node-2", "node-3");

  @RegisterExtension
  SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(
              options ->
                  options
                      .nodes(new SandboxOptions.NodePool(3, "8", "32Gi"))
                      .seed(Seeds.named("demo")))
          .build();

  private ApiObjects api;

  @BeforeEach
  void setUp() throws InterruptedException {
    api = new ApiObjects(sandbox.apiClient());
    awaitControllersIdle();
  }

  @Test
  void bringsEveryWorkloadUpOnTheNodes() {
    assertThat(readiness("deployments", "status.readyReplicas", "spec.replicas"))
        .containsExactly(
            "analytics/event-aggregator 4/4",
            "identity/keycloak 2/2",
            "payments/api 2/2",
            "shop/cart 2/2",
            "shop/frontend 3/3",
            "shop/recommendations 2/2",
            "shop/redis 1/1");
    assertThat(readiness("statefulsets", "status.readyReplicas", "spec.replicas"))
        .containsExactly("monitoring/prometheus 1/1", "shop/postgres 1/1");
    assertThat(readiness("daemonsets", "status.numberReady", "status.desiredNumberScheduled"))
        .containsExactly("monitoring/node-exporter 3/3");

    List<JsonObject> pods = api.list("v1", "pods", null);
    assertThat(pods).hasSize(22);
    assertThat(pods)
        .allSatisfy(pod -> assertThat(JsonFields.string(pod, "spec", "nodeName")).isIn(NODES));
    List<JsonObject> servingPods =
        pods.stream()
            .filter(pod -> JsonFields.string(pod, "metadata", "labels", "job-name") == null)
            .toList();
    assertThat(servingPods)
        .hasSize(21)
        .allSatisfy(
            pod -> {
              assertThat(JsonFields.string(pod, "status", "phase")).isEqualTo("Running");
              assertThat(condition(pod, "Ready")).isEqualTo("True");
            });

    assertThat(
            api.list("v1", "persistentvolumeclaims", null).stream()
                .map(
                    claim ->
                        JsonFields.key(claim) + " " + JsonFields.string(claim, "status", "phase")))
        .containsExactly("monitoring/data-prometheus-0 Bound", "shop/data-postgres-0 Bound");
  }

  @Test
  void runsTheJobToCompletion() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                JsonFields.string(
                    api.get("batch/v1", "jobs", "batch", "reindex-orders"), "status", "succeeded"),
            "1"::equals);
    List<JsonObject> jobPods = api.list("v1", "pods", "batch", "job-name=reindex-orders");
    assertThat(jobPods).hasSize(1);
    assertThat(JsonFields.string(jobPods.get(0), "status", "phase")).isEqualTo("Succeeded");
    assertThat(condition(api.get("batch/v1", "jobs", "batch", "reindex-orders"), "Complete"))
        .isEqualTo("True CompletionsReached: Reached expected number of succeeded pods");
  }

  @Test
  void awaitSettledWaitsForTheJobsPodToFinish() throws InterruptedException {
    assertThat(sandbox.sandbox().awaitSettled(Duration.ofSeconds(30))).isTrue();

    List<JsonObject> jobPods = api.list("v1", "pods", "batch", "job-name=reindex-orders");
    assertThat(jobPods).hasSize(1);
    assertThat(JsonFields.string(jobPods.get(0), "status", "phase")).isEqualTo("Succeeded");
  }

  @Test
  void servesTheEstablishedCustomResourceDefinitionAndItsWidgets() {
    JsonObject definition =
        api.get(
            "apiextensions.k8s.io/v1", "customresourcedefinitions", null, "widgets.example.com");
    assertThat(condition(definition, "Established")).startsWith("True");
    assertThat(api.list("example.com/v1", "widgets", "shop").stream().map(JsonFields::key))
        .containsExactly("shop/flywheel", "shop/gear", "shop/sprocket");
  }

  @Test
  void kubectlScalesADeploymentUpAndDown() throws Exception {
    assumeTrue(Kubectl.available(), "kubectl is not on the PATH");
    Kubectl kubectl = new Kubectl(sandbox.kubeconfig());
    List<String> before = podNames("shop", "app.kubernetes.io/name=frontend");

    Kubectl.Result up = kubectl.run("scale", "deployment/frontend", "--replicas=5", "-n", "shop");
    assertThat(up.out()).isEqualTo("deployment.apps/frontend scaled\n");
    awaitControllersIdle();
    List<JsonObject> scaledUp = api.list("v1", "pods", "shop", "app.kubernetes.io/name=frontend");
    assertThat(scaledUp)
        .hasSize(5)
        .allSatisfy(
            pod -> assertThat(JsonFields.string(pod, "status", "phase")).isEqualTo("Running"));
    assertThat(podNames("shop", "app.kubernetes.io/name=frontend")).containsAll(before);
    assertThat(
            JsonFields.string(
                api.get("apps/v1", "deployments", "shop", "frontend"), "status", "readyReplicas"))
        .isEqualTo("5");

    kubectl.run("scale", "deployment/frontend", "--replicas=2", "-n", "shop");
    awaitControllersIdle();
    List<String> after = podNames("shop", "app.kubernetes.io/name=frontend");
    assertThat(after).hasSize(2);
    List<String> removed = minus(scaledUp, after);
    assertThat(removed).hasSize(3);
    assertThat(podNames("shop", null)).doesNotContainAnyElementsOf(removed);
    assertThat(
            kubectl
                .run(
                    "get",
                    "deployment/frontend",
                    "-n",
                    "shop",
                    "-o",
                    "jsonpath={.status.replicas} {.status.readyReplicas}")
                .out())
        .isEqualTo("2 2");
  }

  @Test
  void deletingADeploymentCollectsItsReplicaSetsAndPods() throws InterruptedException {
    assertThat(api.list("apps/v1", "replicasets", "shop", "app.kubernetes.io/name=cart"))
        .hasSize(1);
    assertThat(api.list("v1", "pods", "shop", "app.kubernetes.io/name=cart")).hasSize(2);

    api.delete("apps/v1", "deployments", "shop", "cart", "Background");
    awaitControllersIdle();

    assertThat(api.list("apps/v1", "replicasets", "shop", "app.kubernetes.io/name=cart")).isEmpty();
    assertThat(api.list("v1", "pods", "shop", "app.kubernetes.io/name=cart")).isEmpty();
    assertThat(podNames("shop", "app.kubernetes.io/name=frontend")).hasSize(3);
  }

  private void awaitControllersIdle() throws InterruptedException {
    assertThat(sandbox.sandbox().awaitControllersIdle(Duration.ofSeconds(30))).isTrue();
  }

  /** {@code namespace/name ready/desired} of each {@code apps/v1} workload of this kind. */
  private List<String> readiness(String plural, String readyPath, String desiredPath) {
    return api.list("apps/v1", plural, null).stream()
        .map(
            workload ->
                JsonFields.key(workload)
                    + " "
                    + count(workload, readyPath)
                    + "/"
                    + count(workload, desiredPath))
        .toList();
  }

  /** A count of a workload's status, which Kubernetes leaves out when it is 0. */
  private static String count(JsonObject workload, String path) {
    String value = JsonFields.string(workload, path.split("\\."));
    return value == null ? "0" : value;
  }

  private List<String> podNames(String namespace, String labelSelector) {
    return api.list("v1", "pods", namespace, labelSelector).stream().map(JsonFields::name).toList();
  }

  private static List<String> minus(List<JsonObject> pods, List<String> kept) {
    return pods.stream().map(JsonFields::name).filter(name -> !kept.contains(name)).toList();
  }
}
