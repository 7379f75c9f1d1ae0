package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.karmada.KarmadaControlPlane;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat migrate} in Karmada mode: the demo seed's shop and payments run in the sandbox
 * 'primary', registered as member cluster {@code member1} of a sandbox that plays a Karmada control
 * plane; the migration makes their objects resource templates there, with the PropagationPolicies
 * Karmada's migration guide prescribes, and the member's running objects are left as they are.
 */
class KarmadaMigrationTest {

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(4, "8", "32Gi")))
          .build();

  @RegisterExtension
  static RunnerFixture tugboat = new RunnerFixture("--tugboat.migration.poll-interval=100ms");

  private static final String PLAN =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: %s
      source:
        context: primary
        kubeconfig: primary.kubeconfig
      target:
        context: karmada
        kubeconfig: karmada.kubeconfig
        karmada:
          memberCluster: %s
      applications:
        - name: shop
          tier: 0
          selector:
            namespaces: [shop]
        - name: payments
          tier: 1
          selector:
            namespaces: [payments]
      excludedResources: [events, events.events.k8s.io]
      readinessTimeout: 1m
      """;

  @TempDir Path folder;

  @Test
  void theApplicationsBecomeTemplatesThatKarmadaAdoptsWhereTheyRun() throws Exception {
    Sandbox primary = sandboxes.sandbox("primary");
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox karmada = controlPlane("member1");
    List<String> podsBefore = pods(primary);
    Path plan = plan(karmada, "to-karmada", "member1");

    RunnerFixture.Result dryRun =
        tugboat.run(
            "migrate", "--store", tugboat.storeUri(), "--plan", plan.toString(), "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(dryRun.out())
        .contains(
            "Capacity: not checked in Karmada mode; each application gets a PropagationPolicy")
        .containsPattern(
            "Application payments \\(tier 1\\): namespaces payments\\R  objects: \\d+ \\(.*1 deployments.apps");
    assertThat(karmada.state().get("v1", "Namespace", null, "payments")).isEmpty();

    RunnerFixture.Result result = migrate(plan);

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("karmada");
    assertThat(report.get("capacityVerdict").getAsString()).isEqualTo("NOT_CHECKED");
    List<String> statuses = new ArrayList<>();
    for (JsonElement application : report.getAsJsonArray("applications")) {
      statuses.add(
          application.getAsJsonObject().get("name").getAsString()
              + " "
              + application.getAsJsonObject().get("status").getAsString());
    }
    assertThat(statuses).containsExactly("shop Migrated", "payments Migrated");

    JsonObject policy =
        karmada
            .state()
            .get("policy.karmada.io/v1alpha1", "PropagationPolicy", "payments", "tugboat-payments")
            .orElseThrow();
    JsonObject spec = policy.getAsJsonObject("spec");
    assertThat(spec.get("conflictResolution").getAsString()).isEqualTo("Overwrite");
    assertThat(spec.getAsJsonObject("placement").getAsJsonObject("clusterAffinity").toString())
        .isEqualTo("{\"clusterNames\":[\"member1\"]}");
    // not the service-account token Secret provider-session-token, which a restore never creates
    assertThat(selectors(spec))
        .containsExactly(
            "apps/v1 Deployment api",
            "networking.k8s.io/v1 NetworkPolicy api-from-shop",
            "policy/v1 PodDisruptionBudget api",
            "rbac.authorization.k8s.io/v1 Role payments-api",
            "rbac.authorization.k8s.io/v1 RoleBinding payments-api",
            "v1 ConfigMap api-config",
            "v1 Secret api-keys",
            "v1 Service api",
            "v1 ServiceAccount payments-api");
    assertThat(policy.getAsJsonObject("metadata").getAsJsonObject("labels").toString())
        .contains("\"tugboat.dev/migration\":\"to-karmada\"")
        .contains("\"tugboat.dev/app\":\"payments\"");
    // every selected template is bound to the member, scheduled and fully applied
    for (String selector : selectors(spec)) {
      String[] parts = selector.split(" ");
      JsonObject binding =
          karmada
              .state()
              .get(
                  "work.karmada.io/v1alpha2",
                  "ResourceBinding",
                  "payments",
                  (parts[2] + "-" + parts[1]).toLowerCase(java.util.Locale.ROOT))
              .orElseThrow(() -> new AssertionError("no binding for " + selector));
      assertThat(conditions(binding)).as(selector).isEqualTo("FullyApplied=True Scheduled=True");
    }
    assertThat(
            karmada
                .state()
                .get("policy.karmada.io/v1alpha1", "PropagationPolicy", "shop", "tugboat-shop"))
        .isPresent();
    // the control plane runs no workload, and the member's pods were not touched
    assertThat(karmada.state().list("v1", "Pod", "shop")).isEmpty();
    assertThat(pods(primary)).isEqualTo(podsBefore);
  }

  @Test
  void aMemberClusterTheControlPlaneDoesNotKnowIsRefusedBeforeAnythingIsWritten() throws Exception {
    Sandbox karmada = controlPlane("member1");

    RunnerFixture.Result result = migrate(plan(karmada, "to-nowhere", "member2"));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.err())
        .contains("member cluster 'member2' is not registered in the Karmada control plane");
    assertThat(karmada.state().get("v1", "Namespace", null, "payments")).isEmpty();
  }

  private static Sandbox controlPlane(String member) throws IOException {
    return sandboxes.start(KarmadaControlPlane.options(member).name("karmada").build()).sandbox();
  }

  private Path plan(Sandbox karmada, String name, String member) throws IOException {
    sandboxes.sandbox("primary").writeKubeconfig(folder.resolve("primary.kubeconfig"), "primary");
    karmada.writeKubeconfig(folder.resolve("karmada.kubeconfig"), "karmada");
    return Files.writeString(folder.resolve(name + ".yaml"), PLAN.formatted(name, member));
  }

  private static RunnerFixture.Result migrate(Path plan) {
    return tugboat.run(
        "migrate", "--store", tugboat.storeUri(), "--plan", plan.toString(), "--output", "json");
  }

  /** E.g. {@code apps/v1 Deployment api}, sorted. */
  private static List<String> selectors(JsonObject spec) {
    TreeSet<String> selectors = new TreeSet<>();
    for (JsonElement element : spec.getAsJsonArray("resourceSelectors")) {
      JsonObject selector = element.getAsJsonObject();
      selectors.add(
          selector.get("apiVersion").getAsString()
              + " "
              + selector.get("kind").getAsString()
              + " "
              + selector.get("name").getAsString());
    }
    return List.copyOf(selectors);
  }

  /** E.g. {@code FullyApplied=True Scheduled=True}, sorted by type. */
  private static String conditions(JsonObject binding) {
    Map<String, String> conditions = new TreeMap<>();
    for (JsonElement element : binding.getAsJsonObject("status").getAsJsonArray("conditions")) {
      JsonObject condition = element.getAsJsonObject();
      conditions.put(condition.get("type").getAsString(), condition.get("status").getAsString());
    }
    StringBuilder text = new StringBuilder();
    conditions.forEach(
        (type, status) ->
            text.append(text.length() == 0 ? "" : " ").append(type).append('=').append(status));
    return text.toString();
  }

  /** The member's pods of both applications, by namespace, name and uid. */
  private static List<String> pods(Sandbox member) {
    List<String> pods = new ArrayList<>();
    for (String namespace : List.of("shop", "payments")) {
      for (JsonObject pod : member.state().list("v1", "Pod", namespace)) {
        JsonObject metadata = pod.getAsJsonObject("metadata");
        pods.add(
            namespace
                + "/"
                + metadata.get("name").getAsString()
                + " "
                + metadata.get("uid").getAsString());
      }
    }
    pods.sort(String::compareTo);
    return pods;
  }
}
