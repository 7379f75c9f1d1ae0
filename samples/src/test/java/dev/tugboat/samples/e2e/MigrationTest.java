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
import dev.tugboat.samples.sandbox.seed.Seeds;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat migrate} of the demo seed's applications (samples/plans/demo-failover.yaml) from
 * the sandbox 'primary' into a standby sandbox, over HTTP: the standby's controllers, scheduler and
 * kubelet decide whether the restored workloads become available.
 */
class MigrationTest {

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(4, "8", "32Gi")))
          .build();

  /** Readiness polled fast, and lack of room acted on after 1 s instead of 30. */
  @RegisterExtension
  static RunnerFixture tugboat =
      new RunnerFixture(
          "--tugboat.migration.poll-interval=100ms", "--tugboat.migration.shortage-grace=1s");

  @TempDir Path folder;

  /*
   * The primary's controllers run: its batch Job has completed, so the batch application holds
   * no workload to plan (0/0) and moves its CronJob only.
   */
  @Test
  void aFailoverFromABackupIntoASmallerStandbyKeepsTheCoreWholeAndDefersTheSheddable()
      throws Exception {
    RunnerFixture.Result backup = backUp("nightly");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    Sandbox standby = standby(new NodePool(2, "4", "8Gi"));
    Path plan = plan(standby, "name: demo-offline\n");

    RunnerFixture.Result result =
        migrate("--plan", plan.toString(), "--from-backup", "nightly", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("phase").getAsString()).isEqualTo("Completed");
    assertThat(report.get("mode").getAsString()).isEqualTo("offline");
    assertThat(statuses(report))
        .containsExactly(
            "shop Migrated 9/9",
            "payments Migrated 2/2",
            "identity Migrated 2/2",
            "monitoring Migrated 3/3",
            "analytics Deferred 0/4",
            "batch Migrated 0/0");
    assertThat(
            Files.exists(
                tugboat.store().resolve("backups/nightly/tugboat-migration-demo-offline.json")))
        .isTrue();
    Map<String, String> shopLabels = labels(standby, "apps/v1", "deployments", "shop", "cart");
    assertThat(shopLabels)
        .containsEntry("tugboat.dev/migration", "demo-offline")
        .containsEntry("tugboat.dev/app", "shop");
  }

  @Test
  void anOnlineMigrationWithRoomMovesEverythingAndQuiescesTheSource() throws Exception {
    assertThat(sandboxes.sandbox("primary").awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox standby = standby(new NodePool(4, "8", "32Gi"));
    Path plan = plan(standby, "name: demo-online\ncutover: quiesce\n");

    RunnerFixture.Result result = migrate("--plan", plan.toString(), "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("online");
    assertThat(report.get("sourceBackup").getAsString()).isEqualTo("demo-online");
    assertThat(statuses(report))
        .containsExactly(
            "shop Migrated 9/9",
            "payments Migrated 2/2",
            "identity Migrated 2/2",
            "monitoring Migrated 5/5",
            "analytics Migrated 4/4",
            "batch Migrated 0/0");
    JsonObject source =
        object(sandboxes.apiClient("primary"), "apps/v1", "deployments", "shop", "cart");
    assertThat(source.getAsJsonObject("spec").get("replicas").getAsInt()).isZero();
    assertThat(
            source
                .getAsJsonObject("metadata")
                .getAsJsonObject("annotations")
                .has("tugboat.dev/pre-quiesce-replicas"))
        .isTrue();
  }

  @Test
  void underAbortAPlanThatDoesNotFitWritesNothingToTheTarget() throws Exception {
    RunnerFixture.Result backup = backUp("abort-src");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    Sandbox standby = standby(new NodePool(2, "4", "8Gi"));
    Path plan = plan(standby, "onInsufficientCapacity: abort\nname: demo-abort\n");

    RunnerFixture.Result result = migrate("--plan", plan.toString(), "--from-backup", "abort-src");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
    assertThat(result.err()).contains("do not fit").contains("onInsufficientCapacity: abort");
    assertThat(object(clientOf(standby), "v1", "namespaces", null, "shop")).isNull();
  }

  /** Backs the primary up once its controllers are done: its batch Job has completed. */
  private static RunnerFixture.Result backUp(String name) throws InterruptedException {
    assertThat(sandboxes.sandbox("primary").awaitSettled(Duration.ofSeconds(60))).isTrue();
    return tugboat.createBackup(sandboxes.kubeconfig("primary"), name);
  }

  private Sandbox standby(NodePool nodes) throws IOException {
    return sandboxes.start(SandboxOptions.builder().name("standby").nodes(nodes).build()).sandbox();
  }

  /** The demo plan next to both kubeconfigs, with {@code extra} lines replacing its own. */
  private Path plan(Sandbox standby, String extra) throws IOException {
    sandboxes.sandbox("primary").writeKubeconfig(folder.resolve("primary.kubeconfig"), "primary");
    standby.writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    Map<String, String> replaced = new TreeMap<>();
    extra.lines().forEach(line -> replaced.put(line.substring(0, line.indexOf(':')), line));
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("plans/demo-failover.yaml"))) {
      int colon = line.indexOf(':');
      String key = colon > 0 && !line.startsWith(" ") ? line.substring(0, colon) : "";
      lines.add(replaced.getOrDefault(key, line));
    }
    Path plan = folder.resolve("plan.yaml");
    Files.write(plan, lines);
    return plan;
  }

  private static RunnerFixture.Result migrate(String... options) {
    List<String> args = new ArrayList<>(List.of("migrate", "--store", tugboat.storeUri()));
    args.addAll(List.of(options));
    return tugboat.run(args.toArray(String[]::new));
  }

  /** E.g. {@code monitoring Degraded 3/5}: status and final of source replicas. */
  private static List<String> statuses(JsonObject report) {
    List<String> lines = new ArrayList<>();
    for (JsonElement element : report.getAsJsonArray("applications")) {
      JsonObject app = element.getAsJsonObject();
      lines.add(
          app.get("name").getAsString()
              + " "
              + app.get("status").getAsString()
              + " "
              + app.get("finalReplicas").getAsInt()
              + "/"
              + app.get("sourceReplicas").getAsInt());
    }
    return lines;
  }

  private static ApiClient clientOf(Sandbox sandbox) throws IOException {
    return io.kubernetes.client.util.Config.defaultClient().setBasePath(sandbox.url());
  }

  private static Map<String, String> labels(
      Sandbox sandbox, String apiVersion, String plural, String namespace, String name)
      throws IOException {
    JsonObject object = object(clientOf(sandbox), apiVersion, plural, namespace, name);
    Map<String, String> labels = new TreeMap<>();
    object
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .entrySet()
        .forEach(entry -> labels.put(entry.getKey(), entry.getValue().getAsString()));
    return labels;
  }

  /** The object, or null when it does not exist. */
  private static JsonObject object(
      ApiClient client, String apiVersion, String plural, String namespace, String name) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    DynamicKubernetesApi api = new DynamicKubernetesApi(group, version, plural, client);
    var response = namespace == null ? api.get(name) : api.get(namespace, name);
    if (!response.isSuccess()) {
      return null;
    }
    DynamicKubernetesObject object = response.getObject();
    return object.getRaw();
  }
}
