package dev.tugboat.samples.sandbox;

import static dev.tugboat.samples.sandbox.TestObjects.condition;
import static dev.tugboat.samples.sandbox.TestObjects.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seed;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulated cluster behind the API, seen over HTTP with client-java: scheduling on full nodes,
 * quota and LimitRange admission, the kubelet's start delay, and the switch that turns it off.
 */
class SimulatedClusterTest {

  @RegisterExtension
  SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.nodes(new NodePool(1, "1", "4Gi")))
          .build();

  @Test
  void leavesThePodThatFitsNowherePendingWithTheSchedulersReason() throws Exception {
    ApiObjects api = new ApiObjects(sandbox.apiClient());
    created(api.create("apps/v1", "deployments", deployment("web", 3, "500m")));
    awaitControllersIdle(sandbox.sandbox());

    List<JsonObject> pods = api.list("v1", "pods", "default", "app=web");
    assertThat(pods.stream().map(pod -> JsonFields.string(pod, "status", "phase")))
        .containsExactlyInAnyOrder("Running", "Running", "Pending");
    JsonObject pending =
        pods.stream()
            .filter(pod -> "Pending".equals(JsonFields.string(pod, "status", "phase")))
            .findFirst()
            .orElseThrow();
    assertThat(JsonFields.string(pending, "spec", "nodeName")).isNull();
    assertThat(condition(pending, "PodScheduled"))
        .isEqualTo("False Unschedulable: 0/1 nodes are available: 1 Insufficient cpu.");

    List<JsonObject> events = api.list("v1", "events", "default");
    assertThat(
            events.stream()
                .map(
                    event ->
                        JsonFields.string(event, "type")
                            + " "
                            + JsonFields.string(event, "reason")
                            + " "
                            + JsonFields.string(event, "involvedObject", "name")
                            + ": "
                            + JsonFields.string(event, "message")))
        .containsExactly(
            "Warning FailedScheduling "
                + JsonFields.string(pending, "metadata", "name")
                + ": 0/1 nodes are available: 1 Insufficient cpu.");
    assertThat(
            JsonFields.string(
                api.get("apps/v1", "deployments", "default", "web"), "status", "readyReplicas"))
        .isEqualTo("2");
  }

  @Test
  void refusesAPodOverQuotaWithKubernetesMessageAndKeepsUsageCurrent() throws Exception {
    ApiObjects api = new ApiObjects(sandbox.apiClient());
    created(
        api.create(
            "v1",
            "resourcequotas",
            json(
                """
                {"apiVersion":"v1","kind":"ResourceQuota",
                 "metadata":{"name":"compute","namespace":"default"},
                 "spec":{"hard":{"requests.cpu":"1","pods":"10"}}}
                """)));
    created(api.create("v1", "pods", pod("first", "500m")));
    created(api.create("v1", "pods", pod("second", "400m")));

    KubernetesApiResponse<DynamicKubernetesObject> refused =
        api.create("v1", "pods", pod("third", "200m"));
    assertThat(refused.getHttpStatusCode()).isEqualTo(403);
    assertThat(refused.getStatus().getReason()).isEqualTo("Forbidden");
    assertThat(refused.getStatus().getMessage())
        .isEqualTo(
            "pods \"third\" is forbidden: exceeded quota: compute, requested:"
                + " requests.cpu=200m, used: requests.cpu=900m, limited: requests.cpu=1");
    assertThat(used(api)).isEqualTo(json("{\"pods\":\"2\",\"requests.cpu\":\"900m\"}"));

    api.delete("v1", "pods", "default", "first", "Background");
    assertThat(used(api)).isEqualTo(json("{\"pods\":\"1\",\"requests.cpu\":\"400m\"}"));
    created(api.create("v1", "pods", pod("third", "200m")));
    assertThat(used(api)).isEqualTo(json("{\"pods\":\"2\",\"requests.cpu\":\"600m\"}"));
  }

  @Test
  void givesANewPodTheLimitRangeDefaults() {
    ApiObjects api = new ApiObjects(sandbox.apiClient());
    created(
        api.create(
            "v1",
            "limitranges",
            json(
                """
                {"apiVersion":"v1","kind":"LimitRange",
                 "metadata":{"name":"defaults","namespace":"default"},
                 "spec":{"limits":[{"type":"Container",
                   "defaultRequest":{"cpu":"100m","memory":"128Mi"},
                   "default":{"cpu":"500m","memory":"512Mi"}}]}}
                """)));

    JsonObject created =
        created(
            api.create(
                "v1",
                "pods",
                json(
                    """
                    {"apiVersion":"v1","kind":"Pod",
                     "metadata":{"name":"plain","namespace":"default"},
                     "spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}
                    """)));

    JsonObject resources =
        created
            .getAsJsonObject("spec")
            .getAsJsonArray("containers")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("resources");
    assertThat(resources)
        .isEqualTo(
            json(
                """
                {"limits":{"cpu":"500m","memory":"512Mi"},
                 "requests":{"cpu":"100m","memory":"128Mi"}}
                """));
    assertThat(
            created
                .getAsJsonObject("metadata")
                .getAsJsonObject("annotations")
                .get("kubernetes.io/limit-ranger")
                .getAsString())
        .isEqualTo(
            "LimitRanger plugin set: cpu, memory request for container app;"
                + " cpu, memory limit for container app");
  }

  @Test
  void runsAScheduledPodOnlyOnceTheKubeletsStartDelayHasPassed() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    SandboxExtension.Running slow =
        sandbox.start(
            SandboxOptions.builder()
                .name("slow")
                .clock(clock)
                .kubeletStartDelay(Duration.ofMinutes(5))
                .nodes(new NodePool(1, "4", "8Gi"))
                .build());
    ApiObjects api = new ApiObjects(slow.apiClient());
    created(api.create("v1", "pods", pod("web", "100m")));
    awaitControllersIdle(slow.sandbox());
    JsonObject waiting = api.get("v1", "pods", "default", "web");
    assertThat(JsonFields.string(waiting, "spec", "nodeName")).isEqualTo("node-1");
    assertThat(JsonFields.string(waiting, "status", "phase")).isEqualTo("Pending");

    clock.advance(Duration.ofMinutes(5));
    // any change to a pod or node makes the kubelet look again, now with the clock moved on
    created(api.create("v1", "pods", pod("nudge", "100m")));
    awaitControllersIdle(slow.sandbox());
    assertThat(JsonFields.string(api.get("v1", "pods", "default", "web"), "status", "phase"))
        .isEqualTo("Running");
  }

  @Test
  void withoutSimulationADeploymentCreatesNoPods() throws Exception {
    SandboxExtension.Running plain =
        sandbox.start(
            SandboxOptions.builder()
                .name("plain")
                .simulation(false)
                .nodes(new NodePool(1, "4", "8Gi"))
                .build());
    ApiObjects api = new ApiObjects(plain.apiClient());
    created(api.create("apps/v1", "deployments", deployment("web", 2, "100m")));
    awaitControllersIdle(plain.sandbox());

    assertThat(api.list("apps/v1", "replicasets", "default")).isEmpty();
    assertThat(api.list("v1", "pods", "default")).isEmpty();
    assertThat(api.get("apps/v1", "deployments", "default", "web").has("status")).isFalse();
    assertThat(api.list("v1", "nodes", null)).hasSize(1);
  }

  @Test
  void refusesToStartWhenASeedObjectIsRefusedLeavingThePortFree() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Seed broken =
        new Seed() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public Stream<JsonObject> objects() {
            return Stream.of(TestObjects.configMap("nowhere", "settings"));
          }
        };
    SandboxOptions options = SandboxOptions.builder().port(port).seed(broken).build();

    assertThatThrownBy(() -> Sandbox.start(options))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "seed \"broken\": cannot create ConfigMap nowhere/settings:"
                + " namespaces \"nowhere\" not found");
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  private static JsonObject used(ApiObjects api) {
    return api.get("v1", "resourcequotas", "default", "compute")
        .getAsJsonObject("status")
        .getAsJsonObject("used");
  }

  private static void awaitControllersIdle(Sandbox sandbox) throws InterruptedException {
    assertThat(sandbox.awaitControllersIdle(Duration.ofSeconds(30))).isTrue();
  }

  private static JsonObject created(KubernetesApiResponse<DynamicKubernetesObject> response) {
    assertThat(response.isSuccess())
        .as("create answered %s %s", response.getHttpStatusCode(), response.getStatus())
        .isTrue();
    return response.getObject().getRaw();
  }

  private static JsonObject deployment(String name, int replicas, String cpu) {
    return json(
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"%s","namespace":"default"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "template":{"metadata":{"labels":{"app":"%s"}},
           "spec":{"containers":[{"name":"app","image":"nginx:1.27",
             "resources":{"requests":{"cpu":"%s"}}}]}}}}
        """
            .formatted(name, replicas, name, name, cpu));
  }

  private static JsonObject pod(String name, String cpu) {
    return json(
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"default"},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27",
           "resources":{"requests":{"cpu":"%s"}}}]}}
        """
            .formatted(name, cpu));
  }
}
