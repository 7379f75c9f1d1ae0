package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.seed.Seeds;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure-driven downgrade: the capacity plan saw room for everything, then quotas shrank the
 * target before the applications were restored. The migration is killed right after its first
 * application (so after the capacity step), the quotas are added, and the resumed migration, which
 * keeps the plan it made, finds the room missing only when the pods are refused: a tier-2
 * application steps one rung down its ladder and ends Degraded; a tier-0 one, which is never
 * degraded without allowCoreDegrade, ends Failed.
 */
class MigrationDowngradeTest {

  private static final String BACKUP = "squeeze-src";
  private static final String ID = "squeeze";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(4, "8", "32Gi")))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  /**
   * Two core applications migrated one at a time, so that a crash after the first leaves the second
   * untouched, and analytics (event-aggregator: 4 replicas of 2 CPUs) at tier 2.
   */
  private static final String PLAN =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: %s
      source:
        backup: %s
      target:
        context: standby
        kubeconfig: standby.kubeconfig
      applications:
        - name: identity
          tier: 0
          selector:
            namespaces: [identity]
        - name: payments
          tier: 0
          selector:
            namespaces: [payments]
        - name: analytics
          tier: 2
          selector:
            namespaces: [analytics]
      excludedResources: [events, events.events.k8s.io]
      headroom: 5%%
      onInsufficientCapacity: partial
      ladder: [1.0, 0.75, 0.5, 0.25]
      allowCoreDegrade: false
      parallelism: 1
      readinessTimeout: 10m
      cutover: none
      conflictPolicy: none
      """;

  @Test
  void podsRefusedForLackOfRoomStepANonCoreApplicationDownAndFailACoreOne(@TempDir Path home)
      throws Exception {
    RunnerFixture.Result backup = tugboat.createBackup(sandboxes.kubeconfig("primary"), BACKUP);
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    SandboxExtension.Running standby =
        sandboxes.start(
            SandboxOptions.builder().name("standby").nodes(new NodePool(4, "8", "32Gi")).build());
    standby.sandbox().writeKubeconfig(home.resolve("standby.kubeconfig"), "standby");
    Path plan = Files.writeString(home.resolve("plan.yaml"), PLAN.formatted(ID, BACKUP));

    RunnerFixture.Result dryRun =
        tugboat.run(
            "migrate",
            "--store",
            tugboat.storeUri(),
            "--plan",
            plan.toString(),
            "--dry-run",
            "--output",
            "json");
    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    assertThat(
            JsonParser.parseString(dryRun.out())
                .getAsJsonObject()
                .getAsJsonObject("capacity")
                .get("verdict")
                .getAsString())
        .isEqualTo("FITS");
    JsonObject identityObjects =
        JsonParser.parseString(dryRun.out())
            .getAsJsonObject()
            .getAsJsonObject("objects")
            .getAsJsonObject("identity");
    int identityDeployments =
        sandboxes.sandbox("primary").state().list("apps/v1", "Deployment", "identity").size();
    assertThat(identityDeployments).isPositive();
    assertThat(identityObjects.get("deployments.apps").getAsInt()).isEqualTo(identityDeployments);

    MigrationChildJvm.Run crashed =
        MigrationChildJvm.migrate(
            home,
            "migration.application-done#1",
            List.of("--store", tugboat.storeUri(), "--plan", plan.toString()));
    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(MigrationChildJvm.KILLED);
    // parallelism 1: the second core application waits for the first; which one is first is the
    // job's choice
    ApiClient target = standby.apiClient();
    String first = exists(target, "identity") ? "identity" : "payments";
    String second = first.equals("identity") ? "payments" : "identity";
    assertThat(exists(target, first)).isTrue();
    assertThat(exists(target, second)).isFalse();
    // room for 1 of the 2 pods of the second core application, and 3 of analytics' 4
    addQuota(target, second, "pods", "1");
    addQuota(target, "analytics", "requests.cpu", "6");

    MigrationChildJvm.Run resumed =
        MigrationChildJvm.migrate(home, "", List.of("--store", tugboat.storeUri(), "--resume", ID));

    assertThat(resumed.exitCode()).as(resumed.output()).isEqualTo(3);
    JsonObject report =
        JsonParser.parseString(
                Files.readString(
                    tugboat
                        .store()
                        .resolve("backups/" + BACKUP + "/tugboat-migration-" + ID + ".json")))
            .getAsJsonObject();
    assertThat(report.get("capacityVerdict").getAsString()).isEqualTo("FITS");
    assertThat(report.get("phase").getAsString()).isEqualTo("PartiallyCompleted");
    Map<String, JsonObject> apps = new TreeMap<>();
    for (JsonElement app : report.getAsJsonArray("applications")) {
      apps.put(app.getAsJsonObject().get("name").getAsString(), app.getAsJsonObject());
    }
    assertThat(summary(apps.get(first))).isEqualTo("Migrated 2/2 attempts 1");
    assertThat(actions(apps.get(first))).hasSize(2).last().isEqualTo("available with 2 replicas");

    JsonObject analytics = apps.get("analytics");
    assertThat(summary(analytics)).isEqualTo("Degraded 3/4 attempts 2");
    assertThat(analytics.get("reason").getAsString()).isEqualTo("3 of 4 replicas");
    assertThat(actions(analytics).subList(1, 3))
        .containsExactly("replicas 4 -> 3 (ladder 0.75)", "available with 3 replicas");
    assertThat(reasons(analytics).get(1))
        .startsWith("Deployment analytics/event-aggregator")
        .contains("exceeded quota: squeeze, requested: requests.cpu=2");
    assertThat(replicas(target, "analytics", "event-aggregator")).isEqualTo(3);

    JsonObject core = apps.get(second);
    assertThat(core.get("status").getAsString()).isEqualTo("Failed");
    assertThat(core.get("attempts").getAsInt()).isEqualTo(1);
    assertThat(core.get("reason").getAsString())
        .startsWith("short of room, and tier 0 is never degraded without allowCoreDegrade: ")
        .contains("exceeded quota: squeeze, requested: pods=1");
    assertThat(actions(core)).noneMatch(action -> action.startsWith("replicas"));
    String workload = second.equals("identity") ? "keycloak" : "api";
    assertThat(replicas(target, second, workload)).isEqualTo(2);
  }

  /** E.g. {@code Degraded 3/4 attempts 2}. */
  private static String summary(JsonObject app) {
    return app.get("status").getAsString()
        + " "
        + app.get("finalReplicas").getAsInt()
        + "/"
        + app.get("sourceReplicas").getAsInt()
        + " attempts "
        + app.get("attempts").getAsInt();
  }

  private static List<String> actions(JsonObject app) {
    return decisionField(app, "action");
  }

  private static List<String> reasons(JsonObject app) {
    return decisionField(app, "reason");
  }

  private static List<String> decisionField(JsonObject app, String field) {
    List<String> values = new ArrayList<>();
    app.getAsJsonArray("decisions")
        .forEach(decision -> values.add(decision.getAsJsonObject().get(field).getAsString()));
    return values;
  }

  private static boolean exists(ApiClient client, String namespace) {
    return new DynamicKubernetesApi("", "v1", "namespaces", client).get(namespace).isSuccess();
  }

  /** Creates the namespace and a ResourceQuota 'squeeze' in it with one hard limit. */
  private static void addQuota(ApiClient client, String namespace, String resource, String hard) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", namespace);
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", "v1");
    object.addProperty("kind", "Namespace");
    object.add("metadata", metadata);
    create(new DynamicKubernetesApi("", "v1", "namespaces", client), object);

    JsonObject quotaMetadata = new JsonObject();
    quotaMetadata.addProperty("name", "squeeze");
    quotaMetadata.addProperty("namespace", namespace);
    JsonObject limits = new JsonObject();
    limits.addProperty(resource, hard);
    JsonObject spec = new JsonObject();
    spec.add("hard", limits);
    JsonObject quota = new JsonObject();
    quota.addProperty("apiVersion", "v1");
    quota.addProperty("kind", "ResourceQuota");
    quota.add("metadata", quotaMetadata);
    quota.add("spec", spec);
    create(new DynamicKubernetesApi("", "v1", "resourcequotas", client), quota);
  }

  private static void create(DynamicKubernetesApi api, JsonObject object) {
    var response = api.create(new DynamicKubernetesObject(object));
    assertThat(response.isSuccess()).as(String.valueOf(response.getStatus())).isTrue();
  }

  private static int replicas(ApiClient client, String namespace, String name) {
    var response =
        new DynamicKubernetesApi("apps", "v1", "deployments", client).get(namespace, name);
    assertThat(response.isSuccess()).as(String.valueOf(response.getStatus())).isTrue();
    return response.getObject().getRaw().getAsJsonObject("spec").get("replicas").getAsInt();
  }
}
