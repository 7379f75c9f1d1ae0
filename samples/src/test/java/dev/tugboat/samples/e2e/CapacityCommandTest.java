package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seed;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat capacity} with {@code samples/plans/demo-failover.yaml}: the demo seed on a
 * primary of 4 nodes of 8 cpu / 32Gi, moved into standbys of several sizes. The plan's kubeconfig
 * fields are relative to its folder, where each test writes both sandboxes' kubeconfigs.
 */
class CapacityCommandTest {

  private static final String BACKUP = "primary-demo";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              // No simulation: the seed's objects stay as written, so that a backup and the live
              // cluster hold the same workloads.
              options ->
                  options
                      .seed(Seeds.named("demo"))
                      .nodes(new NodePool(4, "8", "32Gi"))
                      .simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @TempDir Path folder;

  @Test
  void aSmallerStandbyDefersTheSheddableTierAndKeepsTheRestWhole() throws IOException {
    // 2 x (4 cpu, 8Gi): an analytics pod asks for 8Gi, more than a node has once 5% is kept free.
    Path plan = planWithStandby(new NodePool(2, "4", "8Gi"));

    Path report = folder.resolve("capacity.html");

    RunnerFixture.Result result =
        capacity("--plan", plan.toString(), "--output", "json", "--report", report.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(Files.readString(report))
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Capacity: demo-failover from context &#39;primary&#39; to context");
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(json.get("verdict").getAsString()).isEqualTo("FITS_WITH_DOWNGRADE");
    assertThat(planned(json))
        .containsExactly(
            "shop 9 of 9",
            "payments 2 of 2",
            "identity 2 of 2",
            "monitoring 3 of 3",
            "analytics 0 of 4 deferred",
            "batch 0 of 1 deferred");
  }

  @Test
  void aStandbyAsLargeAsThePrimaryTakesEverythingAsItIs() throws IOException {
    Path plan = planWithStandby(new NodePool(4, "8", "32Gi"));

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(planned(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly(
            "shop 9 of 9",
            "payments 2 of 2",
            "identity 2 of 2",
            "monitoring 5 of 5",
            "analytics 4 of 4",
            "batch 1 of 1");
  }

  @Test
  void aStandbyTooSmallForTheCoreDoesNotFit() throws IOException {
    Path plan = planWithStandby(new NodePool(1, "1", "2Gi"));

    RunnerFixture.Result result = capacity("--plan", plan.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.out()).startsWith("DOES_NOT_FIT (exit 4): ");
  }

  @Test
  void aBackupOfThePrimaryGivesTheSamePlanAsThePrimaryItself() throws IOException {
    Path plan = planWithStandby(new NodePool(2, "4", "8Gi"));
    RunnerFixture.Result backup = tugboat.createBackup(sandboxes.kubeconfig("primary"), BACKUP);
    assertThat(backup.exitCode()).as(backup.err()).isZero();

    RunnerFixture.Result live = capacity("--plan", plan.toString(), "--output", "json");
    RunnerFixture.Result offline =
        capacity(
            "--plan",
            plan.toString(),
            "--from-backup",
            BACKUP,
            "--store",
            tugboat.storeUri(),
            "--output",
            "json");

    assertThat(offline.exitCode()).as(offline.err()).isEqualTo(3);
    assertThat(offline.out()).isEqualTo(live.out());
  }

  @Test
  void anUnreachableTargetIsAConfigurationErrorOnOneLine() throws IOException {
    Path plan = planWithStandby(new NodePool(1, "4", "8Gi"));
    SandboxOptions gone = SandboxOptions.builder().name("standby").simulation(false).build();
    Sandbox closed = sandboxes.start(gone).sandbox();
    closed.writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    closed.close();

    RunnerFixture.Result result = capacity("--plan", plan.toString());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("tugboat: cannot read the target cluster (context 'standby'): ");
  }

  @Test
  void contradictoryOrMissingFlagsAreRefused() {
    RunnerFixture.Result twoSources =
        capacity("--to-context", "b", "--from-context", "a", "--from-backup", "x");
    RunnerFixture.Result noApplications = capacity("--to-context", "b", "--from-context", "a");

    assertThat(twoSources.exitCode()).isEqualTo(2);
    assertThat(noApplications.exitCode()).isEqualTo(4);
    assertThat(noApplications.err())
        .isEqualTo(
            "tugboat: give the applications: --plan FILE or --include-namespaces NAMESPACE,...\n");
  }

  @Test
  void pendingPodsOfTheTargetTakeTheirRoomBeforeTheApplications() throws IOException {
    // The standby's one 4-cpu node has a pending 3-cpu pod: web keeps 1 of its 2 1-cpu replicas.
    Path plan =
        customPlan(
            seed(namespace("web"), deployment("web", "web", 2, "1")),
            new NodePool(1, "4", "8Gi"),
            seed(namespace("other"), pendingPod("other", "stuck", "3")),
            "- name: web\n  tier: 2\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(json.getAsJsonObject("pendingPods"))
        .isEqualTo(JsonParser.parseString("{'found': 1, 'placed': 1}"));
    assertThat(planned(json)).containsExactly("web 1 of 2");
  }

  @Test
  void fourNodesWithOneFreeCpuDoNotHostATwoCpuPod() throws IOException {
    Path plan =
        customPlan(
            seed(namespace("big"), deployment("big", "big", 1, "2")),
            new NodePool(4, "1", "4Gi"),
            seed(),
            "- name: big\n  tier: 0\n  selector: {namespaces: [big]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(checks(json))
        .containsExactly("quota ok", "aggregate ok", "spread FAIL", "best-fit FAIL");
    JsonObject big = json.getAsJsonArray("applications").get(0).getAsJsonObject();
    assertThat(big.get("binding").getAsString()).isEqualTo("cpu");
  }

  @Test
  void onlyOneHundredTenPodsFitOnANode() throws IOException {
    Path plan =
        customPlan(
            seed(namespace("tiny"), deployment("tiny", "tiny", 111, "10m")),
            new NodePool(1, "8", "64Gi"),
            seed(),
            "- name: tiny\n  tier: 0\n  selector: {namespaces: [tiny]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(placedAndBinding(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly("tiny 110 of 111 placed, binding pods");
  }

  @Test
  void theQuotaOfTheNamespaceBindsBeforeTheNodes() throws IOException {
    // requests.cpu 2 admits 2 of 3 pods of 1 cpu, on a node with room for 8
    Path plan =
        customPlan(
            seed(namespace("web"), deployment("web", "web", 3, "1")),
            new NodePool(1, "8", "32Gi"),
            seed(
                namespace("web"),
                json(
                    "{'apiVersion': 'v1', 'kind': 'ResourceQuota', 'metadata': {'name':"
                        + " 'compute', 'namespace': 'web'}, 'spec': {'hard': {'requests.cpu':"
                        + " '2'}}}")),
            "- name: web\n  tier: 0\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(placedAndBinding(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly("web 2 of 3 placed, binding quota:requests.cpu");
  }

  @Test
  void theTargetsLimitRangeGivesARequestlessPodItsDefault() throws IOException {
    // each of web's 3 pods gets 1 cpu from the LimitRange: 2 fit on the 2-cpu node
    Path plan =
        customPlan(
            seed(namespace("web"), deployment("web", "web", 3, null)),
            new NodePool(1, "2", "8Gi"),
            seed(
                namespace("web"),
                json(
                    "{'apiVersion': 'v1', 'kind': 'LimitRange', 'metadata': {'name': 'defaults',"
                        + " 'namespace': 'web'}, 'spec': {'limits': [{'type': 'Container',"
                        + " 'defaultRequest': {'cpu': '1'}}]}}")),
            "- name: web\n  tier: 2\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(planned(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly("web 2 of 3");
  }

  @Test
  void requiredAntiAffinityOnTheHostnamePutsOneReplicaPerNode() throws IOException {
    JsonObject web = deployment("web", "web", 3, "100m");
    web.getAsJsonObject("spec")
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .add(
            "affinity",
            json(
                "{'podAntiAffinity': {'requiredDuringSchedulingIgnoredDuringExecution':"
                    + " [{'topologyKey': 'kubernetes.io/hostname', 'labelSelector':"
                    + " {'matchLabels': {'app': 'web'}}}]}}"));
    Path plan =
        customPlan(
            seed(namespace("web"), web),
            new NodePool(2, "8", "32Gi"),
            seed(),
            "- name: web\n  tier: 0\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(placedAndBinding(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly("web 2 of 3 placed, binding at most 1 per node");
  }

  @Test
  void aDaemonSetRunsOnePodOnEveryTargetNode() throws IOException {
    Path plan =
        customPlan(
            seed(
                namespace("agents"),
                json(
                    "{'apiVersion': 'apps/v1', 'kind': 'DaemonSet', 'metadata': {'name': 'agent',"
                        + " 'namespace': 'agents'}, 'spec': {'selector': {'matchLabels': {'app':"
                        + " 'agent'}}, 'template': {'metadata': {'labels': {'app': 'agent'}},"
                        + " 'spec': {'containers': [{'name': 'c', 'image': 'nginx', 'resources':"
                        + " {'requests': {'cpu': '100m'}}}]}}}}")),
            new NodePool(3, "4", "8Gi"),
            seed(),
            "- name: agents\n  tier: 1\n  selector: {namespaces: [agents]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(planned(JsonParser.parseString(result.out()).getAsJsonObject()))
        .containsExactly("agents 3 of 3");
  }

  @Test
  void floorsFromAnAutoscalerAndADisruptionBudgetHoldOnTheLadder() throws IOException {
    // 8 cpu of demand on 4: the ladder stops at web's HPA floor 3 and api's PDB floor 1 + 1
    Path plan =
        customPlan(
            seed(
                namespace("web"),
                deployment("web", "web", 4, "1"),
                deployment("web", "api", 4, "1"),
                json(
                    "{'apiVersion': 'autoscaling/v2', 'kind': 'HorizontalPodAutoscaler',"
                        + " 'metadata': {'name': 'web', 'namespace': 'web'}, 'spec':"
                        + " {'minReplicas': 3, 'maxReplicas': 8, 'scaleTargetRef': {'apiVersion':"
                        + " 'apps/v1', 'kind': 'Deployment', 'name': 'web'}}}"),
                json(
                    "{'apiVersion': 'policy/v1', 'kind': 'PodDisruptionBudget', 'metadata':"
                        + " {'name': 'api', 'namespace': 'web'}, 'spec': {'minAvailable': 1,"
                        + " 'selector': {'matchLabels': {'app': 'api'}}}}")),
            new NodePool(1, "4", "16Gi"),
            seed(),
            "- name: web\n  tier: 2\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    List<String> floors = new ArrayList<>();
    for (JsonElement element :
        JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray("workloads")) {
      JsonObject workload = element.getAsJsonObject();
      floors.add(
          workload.get("name").getAsString()
              + " floor "
              + workload.get("floor").getAsInt()
              + ", planned "
              + workload.get("plannedReplicas").getAsInt());
    }
    assertThat(floors)
        .containsExactlyInAnyOrder("web floor 3, planned 3", "api floor 2, planned 2");
  }

  @Test
  void anInvalidPlanIsRefusedNamingTheField() throws IOException {
    Path plan =
        customPlan(
            seed(),
            new NodePool(1, "4", "8Gi"),
            seed(),
            "- name: web\n  tier: 7\n  selector: {namespaces: [web]}\n");

    RunnerFixture.Result result = capacity("--plan", plan.toString());

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).contains("applications[0].tier: must be 0, 1, 2 or 3, not 7");
  }

  /**
   * Starts a source and a standby sandbox, neither simulating (a pending pod stays pending), and
   * writes a plan from the one to the other with no headroom, so that room is exact.
   *
   * @param applications the plan's {@code applications} list, in YAML
   */
  private Path customPlan(Seed source, NodePool standbyNodes, Seed standby, String applications)
      throws IOException {
    sandboxes
        .start(SandboxOptions.builder().name("source").seed(source).simulation(false).build())
        .sandbox()
        .writeKubeconfig(folder.resolve("source.kubeconfig"), "source");
    sandboxes
        .start(
            SandboxOptions.builder()
                .name("standby")
                .nodes(standbyNodes)
                .seed(standby)
                .simulation(false)
                .build())
        .sandbox()
        .writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    Path plan = folder.resolve("plan.yaml");
    Files.writeString(
        plan,
        """
        apiVersion: tugboat.dev/v1
        kind: MigrationPlan
        name: e2e
        source: {context: source, kubeconfig: source.kubeconfig}
        target: {context: standby, kubeconfig: standby.kubeconfig}
        headroom: 0%
        applications:
        """
            + applications);
    return plan;
  }

  private static Seed seed(JsonObject... objects) {
    return new Seed() {
      @Override
      public String name() {
        return "capacity-e2e";
      }

      @Override
      public Stream<JsonObject> objects() {
        return Stream.of(objects).map(JsonObject::deepCopy);
      }
    };
  }

  private static JsonObject namespace(String name) {
    return json("{'apiVersion': 'v1', 'kind': 'Namespace', 'metadata': {'name': '" + name + "'}}");
  }

  /**
   * @param cpu the container's cpu request, with 256Mi of memory; null for no requests at all
   */
  private static JsonObject deployment(String namespace, String name, int replicas, String cpu) {
    String resources =
        cpu == null ? "{}" : "{'requests': {'cpu': '" + cpu + "', 'memory': '256Mi'}}";
    return json(
        "{'apiVersion': 'apps/v1', 'kind': 'Deployment', 'metadata': {'name': '"
            + name
            + "', 'namespace': '"
            + namespace
            + "'}, 'spec': {'replicas': "
            + replicas
            + ", 'selector': {'matchLabels': {'app': '"
            + name
            + "'}}, 'template': {'metadata': {'labels': {'app': '"
            + name
            + "'}}, 'spec': {'containers': [{'name': 'c', 'image': 'nginx', 'resources': "
            + resources
            + "}]}}}}");
  }

  /** E.g. {@code web 2 of 3 placed, binding cpu}: placed of planned replicas, per application. */
  private static List<String> placedAndBinding(JsonObject plan) {
    List<String> lines = new ArrayList<>();
    for (JsonElement element : plan.getAsJsonArray("applications")) {
      JsonObject app = element.getAsJsonObject();
      lines.add(
          app.get("name").getAsString()
              + " "
              + app.get("placed").getAsInt()
              + " of "
              + app.get("plannedReplicas").getAsInt()
              + " placed, binding "
              + app.get("binding").getAsString());
    }
    return lines;
  }

  /** A pod no scheduler has bound: no {@code spec.nodeName}. */
  private static JsonObject pendingPod(String namespace, String name, String cpu) {
    return json(
        "{'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'name': '"
            + name
            + "', 'namespace': '"
            + namespace
            + "'}, 'spec': {'containers': [{'name': 'c', 'image': 'nginx', 'resources':"
            + " {'requests': {'cpu': '"
            + cpu
            + "', 'memory': '256Mi'}}}]}}");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /** E.g. {@code spread FAIL}, per check. */
  private static List<String> checks(JsonObject plan) {
    List<String> lines = new ArrayList<>();
    for (JsonElement element : plan.getAsJsonArray("checks")) {
      JsonObject check = element.getAsJsonObject();
      lines.add(
          check.get("name").getAsString() + (check.get("passed").getAsBoolean() ? " ok" : " FAIL"));
    }
    return lines;
  }

  /** Starts a standby of {@code nodes}; copies the demo plan next to both kubeconfigs. */
  private Path planWithStandby(NodePool nodes) throws IOException {
    Sandbox standby =
        sandboxes
            .start(SandboxOptions.builder().name("standby").nodes(nodes).simulation(false).build())
            .sandbox();
    sandboxes.sandbox("primary").writeKubeconfig(folder.resolve("primary.kubeconfig"), "primary");
    standby.writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    Path plan = folder.resolve("demo-failover.yaml");
    Files.copy(Path.of("plans/demo-failover.yaml"), plan);
    return plan;
  }

  private static RunnerFixture.Result capacity(String... options) {
    List<String> args = new ArrayList<>(List.of("capacity"));
    args.addAll(List.of(options));
    return tugboat.run(args.toArray(String[]::new));
  }

  /** E.g. {@code analytics 0 of 4 deferred}: planned of source replicas, per application. */
  private static List<String> planned(JsonObject plan) {
    List<String> lines = new ArrayList<>();
    for (JsonElement element : plan.getAsJsonArray("applications")) {
      JsonObject app = element.getAsJsonObject();
      lines.add(
          app.get("name").getAsString()
              + " "
              + app.get("plannedReplicas").getAsInt()
              + " of "
              + app.get("sourceReplicas").getAsInt()
              + (app.get("deferred").getAsBoolean() ? " deferred" : ""));
    }
    return lines;
  }
}
