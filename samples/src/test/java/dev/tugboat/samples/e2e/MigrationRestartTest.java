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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An offline migration of the demo seed's applications (samples/plans/demo-failover.yaml) whose
 * process dies (a crash point halts the JVM as {@code kill -9} would) completes with {@code tugboat
 * migrate --resume ID}: the same report as a migration never interrupted, one restore per
 * application, the same objects in the target, and nothing created again for the applications that
 * had finished before the crash.
 */
class MigrationRestartTest {

  private static final String BACKUP = "nightly";

  /** The standbys are small: analytics has no room at its floor and is deferred. */
  private static final NodePool STANDBY_NODES = new NodePool(2, "4", "8Gi");

  private static final MigratedCreates UNINTERRUPTED_CREATES = new MigratedCreates();

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(4, "8", "32Gi")))
          .sandbox(
              "uninterrupted",
              options -> options.nodes(STANDBY_NODES).admission(UNINTERRUPTED_CREATES))
          .build();

  @RegisterExtension
  static RunnerFixture tugboat =
      new RunnerFixture(
          "--tugboat.migration.poll-interval=100ms", "--tugboat.migration.shortage-grace=1s");

  /** As in {@link MigrationTest}'s offline failover, whose standby has the same nodes. */
  private static final List<String> STATUSES =
      List.of(
          "shop Migrated 9/9",
          "payments Migrated 2/2",
          "identity Migrated 2/2",
          "monitoring Migrated 3/3",
          "analytics Deferred 0/4",
          "batch Migrated 0/0");

  /** The applications restored: analytics, deferred by the capacity plan, is not. */
  private static final List<String> RESTORED =
      List.of("batch", "identity", "monitoring", "payments", "shop");

  private static Set<ItemKey> uninterruptedObjects;
  private static Map<ItemKey, Integer> uninterruptedReplicas;

  @BeforeAll
  static void migrateWithoutInterruption(@TempDir Path folder) throws Exception {
    // batch's Job must have completed, as in the report below, before the backup is taken
    assertThat(sandboxes.sandbox("primary").awaitSettled(Duration.ofSeconds(60))).isTrue();
    RunnerFixture.Result backup = tugboat.createBackup(sandboxes.kubeconfig("primary"), BACKUP);
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    Path plan = plan(folder, sandboxes.sandbox("uninterrupted"), "uninterrupted");

    RunnerFixture.Result result =
        tugboat.run(
            "migrate",
            "--store",
            tugboat.storeUri(),
            "--plan",
            plan.toString(),
            "--from-backup",
            BACKUP);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(statuses(report("uninterrupted"))).isEqualTo(STATUSES);
    Map<ItemKey, JsonObject> migrated = migratedObjects(sandboxes.sandbox("uninterrupted"));
    uninterruptedObjects = migrated.keySet();
    uninterruptedReplicas = deploymentReplicas(migrated);
    // the Deployments of shop (8 replicas, its StatefulSet has the 9th), payments and identity
    assertThat(uninterruptedReplicas.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(8 + 2 + 2);
  }

  @ParameterizedTest
  @CsvSource({
    // shop (tier 0) recorded, one tier-1 application done but not recorded, the rest to do
    "migration.application-done#2, mid-tiers",
    // every application and the cutover recorded: the rerun only writes the report
    "migration.before-report, before-report"
  })
  void aResumedMigrationEndsAsAnUninterruptedOne(String crashPoint, String id, @TempDir Path home)
      throws Exception {
    MigratedCreates creates = new MigratedCreates();
    Sandbox target =
        sandboxes
            .start(
                SandboxOptions.builder()
                    .name("standby")
                    .nodes(STANDBY_NODES)
                    .admission(creates)
                    .build())
            .sandbox();
    Path plan = plan(home, target, id);

    MigrationChildJvm.Run crashed =
        MigrationChildJvm.migrate(
            home,
            crashPoint,
            List.of(
                "--store", tugboat.storeUri(), "--plan", plan.toString(), "--from-backup", BACKUP));

    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(MigrationChildJvm.KILLED);
    assertThat(Files.exists(reportFile(id))).isFalse();
    Map<String, Long> createdBeforeCrash = creates.counts();
    assertThat(createdBeforeCrash.get("shop"))
        .isEqualTo(UNINTERRUPTED_CREATES.counts().get("shop"));
    Map<ItemKey, String> shopUids = uids(migratedObjects(target), "shop");
    creates.reset();
    target.resetStats();

    MigrationChildJvm.Run resumed =
        MigrationChildJvm.migrate(home, "", List.of("--store", tugboat.storeUri(), "--resume", id));

    assertThat(resumed.exitCode()).as(resumed.output()).isEqualTo(3);
    JsonObject report = report(id);
    assertThat(report.get("phase").getAsString()).isEqualTo("Completed");
    assertThat(statuses(report)).isEqualTo(STATUSES);
    assertThat(restoresInStore(id))
        .isEqualTo(RESTORED.stream().map(app -> id + "-" + app).toList());
    Map<ItemKey, JsonObject> migrated = migratedObjects(target);
    assertThat(migrated.keySet()).isEqualTo(uninterruptedObjects);
    assertThat(deploymentReplicas(migrated)).isEqualTo(uninterruptedReplicas);
    // Nothing created twice: the objects created before the crash and by the rerun add up to an
    // uninterrupted migration's, and shop, finished before the crash, was not touched again.
    Map<String, Long> createdByRerun = creates.counts();
    assertThat(createdByRerun).doesNotContainKey("shop");
    assertThat(uids(migrated, "shop")).isEqualTo(shopUids);
    assertThat(sum(createdBeforeCrash, createdByRerun)).isEqualTo(UNINTERRUPTED_CREATES.counts());
    if (crashPoint.equals("migration.before-report")) {
      assertThat(WriteRequests.of(target)).isEmpty();
    }
  }

  /** The demo plan named {@code id}, its target the sandbox (context 'standby'). */
  private static Path plan(Path folder, Sandbox target, String id) throws IOException {
    target.writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("plans/demo-failover.yaml"))) {
      lines.add(line.startsWith("name:") ? "name: " + id : line);
    }
    Path plan = folder.resolve("plan.yaml");
    Files.write(plan, lines);
    return plan;
  }

  private static Path reportFile(String id) {
    return tugboat.store().resolve("backups/" + BACKUP + "/tugboat-migration-" + id + ".json");
  }

  private static JsonObject report(String id) throws IOException {
    return JsonParser.parseString(Files.readString(reportFile(id))).getAsJsonObject();
  }

  /** The restores of the store named after the migration, e.g. {@code mid-tiers-shop}. */
  private static List<String> restoresInStore(String id) throws IOException {
    try (Stream<Path> restores = Files.list(tugboat.store().resolve("restores"))) {
      return restores
          .map(folder -> folder.getFileName().toString())
          .filter(name -> name.startsWith(id + "-"))
          .sorted()
          .toList();
    }
  }

  /** E.g. {@code monitoring Migrated 3/3}: status and final of source replicas. */
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

  /** The target's objects labelled by a migration. */
  private static Map<ItemKey, JsonObject> migratedObjects(Sandbox target) throws Exception {
    Map<ItemKey, JsonObject> migrated = new TreeMap<>();
    new SandboxInventory(target.url())
        .everything()
        .forEach(
            (key, object) -> {
              JsonObject labels = object.getAsJsonObject("metadata").getAsJsonObject("labels");
              if (labels != null && labels.has("tugboat.dev/migration")) {
                migrated.put(key, object);
              }
            });
    return migrated;
  }

  private static Map<ItemKey, Integer> deploymentReplicas(Map<ItemKey, JsonObject> objects) {
    Map<ItemKey, Integer> replicas = new TreeMap<>();
    objects.forEach(
        (key, object) -> {
          if (key.groupResource().equals("deployments.apps")) {
            replicas.put(key, object.getAsJsonObject("spec").get("replicas").getAsInt());
          }
        });
    return replicas;
  }

  private static Map<ItemKey, String> uids(Map<ItemKey, JsonObject> objects, String namespace) {
    Map<ItemKey, String> uids = new TreeMap<>();
    objects.forEach(
        (key, object) -> {
          if (key.namespace().equals(namespace)) {
            uids.put(key, object.getAsJsonObject("metadata").get("uid").getAsString());
          }
        });
    assertThat(uids).isNotEmpty();
    return uids;
  }

  private static Map<String, Long> sum(Map<String, Long> first, Map<String, Long> second) {
    Map<String, Long> sum = new TreeMap<>(first);
    second.forEach((namespace, count) -> sum.merge(namespace, count, Long::sum));
    return sum;
  }
}
