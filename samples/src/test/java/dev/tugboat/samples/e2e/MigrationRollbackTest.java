package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import dev.tugboat.samples.sandbox.karmada.KarmadaControlPlane;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat rollback MIGRATION_ID} after migrations of the demo seed's shop and payments from
 * a sandbox 'primary' into a standby sandbox (or a Karmada control plane), over HTTP: the target
 * loses what the migration created and keeps what it skipped, the source is put back as its
 * restart-point backup has it.
 */
class MigrationRollbackTest {

  private static final String PLAN =
      """
      apiVersion: tugboat.dev/v1
      kind: MigrationPlan
      name: %s
      source:
      %s
      target:
        context: standby
        kubeconfig: standby.kubeconfig
      applications:
        - name: shop
          tier: 0
          selector:
            namespaces: [shop]
        - name: payments
          tier: 1
          selector:
            namespaces: [payments]
      %s
      excludedResources: [events, events.events.k8s.io]
      onInsufficientCapacity: partial
      readinessTimeout: 2m
      cutover: %s
      conflictPolicy: none
      """;

  /** Made (and remade, under new names) by the sandbox's controllers, not by a migration. */
  private static final Set<String> MADE_BY_CONTROLLERS =
      Set.of(
          "pods",
          "replicasets.apps",
          "controllerrevisions.apps",
          "endpoints",
          "endpointslices.discovery.k8s.io",
          "leases.coordination.k8s.io");

  private static final String ONLINE = "  context: primary\n  kubeconfig: primary.kubeconfig";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "primary",
              options -> options.seed(Seeds.named("demo")).nodes(new NodePool(4, "8", "32Gi")))
          .build();

  @RegisterExtension
  static RunnerFixture tugboat =
      new RunnerFixture(
          "--tugboat.migration.poll-interval=100ms", "--tugboat.migration.shortage-grace=1s");

  @TempDir Path folder;

  @Test
  void anOnlineQuiescedMigrationRolledBackLeavesTheTargetAsItWasAndTheSourceAsItsSnapshot()
      throws Exception {
    Sandbox primary = sandboxes.sandbox("primary");
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox standby = standby();
    // A ConfigMap the target had before: under conflictPolicy none the migration skips it.
    standby
        .state()
        .create(
            json(
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
                    + "\"metadata\":{\"name\":\"payments\"}}"));
    standby
        .state()
        .create(
            json(
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"api-config\",\"namespace\":\"payments\"},"
                    + "\"data\":{\"owner\":\"standby\"}}"));
    int cartReplicas = replicas(primary, "shop", "cart");
    Map<ItemKey, JsonObject> sourceBefore = applicationState(primary);
    Map<ItemKey, JsonObject> targetBefore = clusterState(standby);
    RunnerFixture.Result migrated = migrate(plan(standby, "roll-quiesce", ONLINE, "quiesce"));
    assertThat(migrated.exitCode()).as(migrated.err()).isZero();
    assertThat(replicas(primary, "shop", "cart")).isZero();
    int migratedObjects = migratedObjects(standby).size();
    assertThat(migratedObjects).isPositive();

    RunnerFixture.Result dryRun = rollback("roll-quiesce", "--dry-run", "--output", "json");

    assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
    JsonObject planned = JsonParser.parseString(dryRun.out()).getAsJsonObject();
    assertThat(planned.get("dryRun").getAsBoolean()).isTrue();
    assertThat(migratedObjects(standby)).hasSize(migratedObjects);
    assertThat(replicas(primary, "shop", "cart")).isZero();

    RunnerFixture.Result result = rollback("roll-quiesce", "--output", "json");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("phase").getAsString()).isEqualTo("RolledBack");
    assertThat(applications(report)).containsExactly("payments", "shop");
    assertThat(report.get("snapshot").getAsString()).startsWith("equal (");
    assertThat(report.getAsJsonArray("differences")).isEmpty();
    assertThat(sumOf(report, "unquiesced")).isPositive();
    assertThat(sumOf(report, "recreated")).isZero();
    // what the dry run said would be deleted is what was deleted
    assertThat(deleted(report)).isEqualTo(deleted(planned)).isPositive();
    awaitNoMigratedObjects(standby);
    assertThat(clusterState(standby)).isEqualTo(targetBefore);
    assertThat(applicationState(primary)).isEqualTo(sourceBefore);
    assertThat(
            standby
                .state()
                .get("v1", "ConfigMap", "payments", "api-config")
                .orElseThrow()
                .getAsJsonObject("data")
                .get("owner")
                .getAsString())
        .isEqualTo("standby");
    assertThat(replicas(primary, "shop", "cart")).isEqualTo(cartReplicas);
    JsonObject cart = primary.state().get("apps/v1", "Deployment", "shop", "cart").orElseThrow();
    JsonObject annotations = cart.getAsJsonObject("metadata").getAsJsonObject("annotations");
    assertThat(annotations == null || !annotations.has("tugboat.dev/pre-quiesce-replicas"))
        .isTrue();

    RunnerFixture.Result described =
        tugboat.run(
            "migration",
            "describe",
            "roll-quiesce",
            "--store",
            tugboat.storeUri(),
            "--output",
            "json");
    assertThat(described.exitCode()).as(described.err()).isZero();
    assertThat(
            JsonParser.parseString(described.out())
                .getAsJsonObject()
                .get("rollbackPhase")
                .getAsString())
        .isEqualTo("RolledBack");
    RunnerFixture.Result listed = tugboat.run("migration", "list", "--store", tugboat.storeUri());
    assertThat(listed.out())
        .containsPattern("roll-quiesce\\s+COMPLETED\\s+Completed\\s+RolledBack");
  }

  @Test
  void anOnlineMigrationThatDeletedTheSourceRolledBackCreatesTheSourceObjectsAgain()
      throws Exception {
    // A source of its own: the others' stays as its snapshot
    Sandbox primary =
        sandboxes
            .start(
                SandboxOptions.builder()
                    .name("doomed")
                    .seed(Seeds.named("demo"))
                    .nodes(new NodePool(4, "8", "32Gi"))
                    .build())
            .sandbox();
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox standby = standby();
    Map<ItemKey, JsonObject> sourceBefore = applicationState(primary);
    assertThat(sourceBefore)
        .containsKeys(
            new ItemKey("deployments.apps", "payments", "api"),
            new ItemKey("persistentvolumeclaims", "shop", "data-postgres-0"));
    Map<ItemKey, JsonObject> targetBefore = clusterState(standby);
    RunnerFixture.Result migrated =
        migrate(plan(primary, standby, "roll-delete", ONLINE, "delete"));
    assertThat(migrated.exitCode()).as(migrated.err()).isZero();
    assertThat(primary.state().get("apps/v1", "Deployment", "payments", "api")).isEmpty();
    // the claim is gone, its volume kept: Tugboat copies no volume data
    assertThat(primary.state().get("v1", "PersistentVolumeClaim", "shop", "data-postgres-0"))
        .isEmpty();
    JsonObject kept = volume(primary);
    assertThat(kept.getAsJsonObject("spec").get("persistentVolumeReclaimPolicy").getAsString())
        .isEqualTo("Retain");
    assertThat(
            kept.getAsJsonObject("metadata")
                .getAsJsonObject("annotations")
                .get("tugboat.dev/pre-cutover-reclaim-policy")
                .getAsString())
        .isEqualTo("Delete");

    RunnerFixture.Result result = rollback("roll-delete", "--output", "json");

    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(report.get("phase").getAsString()).isEqualTo("RolledBack");
    assertThat(sumOf(report, "recreated")).isEqualTo(9 + 21);
    assertThat(report.get("snapshot").getAsString()).isEqualTo("equal (30 objects)");
    assertThat(report.getAsJsonArray("differences")).isEmpty();
    // the recreated claim is bound to its own volume again, whose policy is back
    assertThat(
            primary
                .state()
                .get("v1", "PersistentVolumeClaim", "shop", "data-postgres-0")
                .orElseThrow()
                .getAsJsonObject("spec")
                .get("volumeName")
                .getAsString())
        .isEqualTo("pv-shop-data-postgres-0");
    JsonObject givenBack = volume(primary);
    assertThat(givenBack.getAsJsonObject("spec").get("persistentVolumeReclaimPolicy").getAsString())
        .isEqualTo("Delete");
    JsonObject annotations = givenBack.getAsJsonObject("metadata").getAsJsonObject("annotations");
    assertThat(annotations == null || !annotations.has("tugboat.dev/pre-cutover-reclaim-policy"))
        .isTrue();
    // compared here independently of the rollback's own comparison
    assertThat(applicationState(primary)).isEqualTo(sourceBefore);
    assertThat(primary.state().get("apps/v1", "Deployment", "payments", "api")).isPresent();
    awaitNoMigratedObjects(standby);
    assertThat(clusterState(standby)).isEqualTo(targetBefore);
  }

  @Test
  void anOfflineMigrationThatDeferredAnApplicationIsRolledBackInTheTargetOnly() throws Exception {
    Sandbox primary = sandboxes.sandbox("primary");
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    RunnerFixture.Result backup = tugboat.createBackup(sandboxes.kubeconfig("primary"), "roll-src");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    // Too small for analytics at its floor: it is deferred, never restored
    Sandbox standby =
        sandboxes
            .start(
                SandboxOptions.builder().name("standby").nodes(new NodePool(2, "4", "8Gi")).build())
            .sandbox();
    String analytics =
        "  - name: analytics\n    tier: 3\n    minReplicas: 0\n    selector:\n"
            + "      namespaces: [analytics]";
    Path plan = plan(primary, standby, "roll-offline", "  backup: roll-src", analytics, "none");
    Map<ItemKey, JsonObject> targetBefore = clusterState(standby);
    RunnerFixture.Result migrated = migrate(plan);
    assertThat(migrated.exitCode()).as(migrated.err()).isEqualTo(3);
    assertThat(migrated.out()).contains("\"status\": \"Deferred\"");

    RunnerFixture.Result result = rollback("roll-offline", "--output", "json");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("offline");
    assertThat(applications(report)).containsExactly("payments", "shop");
    assertThat(report.get("snapshot").getAsString())
        .isEqualTo("not compared: an offline migration never touches the source");
    assertThat(sumOf(report, "unquiesced") + sumOf(report, "recreated")).isZero();
    awaitNoMigratedObjects(standby);
    assertThat(clusterState(standby)).isEqualTo(targetBefore);
  }

  @Test
  void inKarmadaModeTheMemberKeepsItsObjectsAndTheTemplatesAndPoliciesGo() throws Exception {
    Sandbox primary = sandboxes.sandbox("primary");
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox karmada =
        sandboxes.start(KarmadaControlPlane.options("member1").name("standby").build()).sandbox();
    String podsBefore = pods(primary);
    String karmadaSource =
        "  context: primary\n  kubeconfig: primary.kubeconfig\n"
            + "target:\n  context: standby\n  kubeconfig: standby.kubeconfig\n"
            + "  karmada:\n    memberCluster: member1";
    Path plan = plan(karmada, "roll-karmada", karmadaSource, "none");
    // The plan's own target lines come after: keep the Karmada ones only.
    String text = Files.readString(plan);
    int second = text.indexOf("target:", text.indexOf("target:") + 1);
    Files.writeString(
        plan, text.substring(0, second) + text.substring(text.indexOf("applications:")));
    RunnerFixture.Result migrated = migrate(plan);
    assertThat(migrated.exitCode()).as(migrated.err()).isZero();
    assertThat(
            karmada
                .state()
                .get(
                    "policy.karmada.io/v1alpha1",
                    "PropagationPolicy",
                    "payments",
                    "tugboat-payments"))
        .isPresent();

    RunnerFixture.Result result = rollback("roll-karmada", "--output", "json");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonObject report = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(report.get("mode").getAsString()).isEqualTo("karmada");
    Map<String, String> released = new TreeMap<>();
    for (JsonElement application : report.getAsJsonArray("applications")) {
      released.put(
          application.getAsJsonObject().get("name").getAsString(),
          application.getAsJsonObject().get("karmada").getAsString());
    }
    assertThat(released.get("payments"))
        .isEqualTo(
            "1 policies preserved and 1 deleted, 9 templates deleted, 0 already gone, 0 left"
                + " alone, 1 namespaces kept");
    // shop's templates include owners whose dependents the control plane's collector may delete
    // first: how many are deleted rather than found gone depends on its timing
    assertThat(released.get("shop"))
        .matches(
            "2 policies preserved and 2 deleted, \\d+ templates deleted, \\d+ already gone, 0 left"
                + " alone, 1 namespaces kept");
    assertThat(
            karmada
                .state()
                .get(
                    "policy.karmada.io/v1alpha1",
                    "PropagationPolicy",
                    "payments",
                    "tugboat-payments"))
        .isEmpty();
    assertThat(karmada.state().get("apps/v1", "Deployment", "payments", "api")).isEmpty();
    // deleting it in the control plane would delete it in the member cluster too
    assertThat(karmada.state().get("v1", "Namespace", null, "payments")).isPresent();
    assertThat(pods(primary)).isEqualTo(podsBefore);
    assertThat(primary.state().get("apps/v1", "Deployment", "payments", "api")).isPresent();
  }

  @Test
  void aRollbackKilledMidwayFinishesWhenRunAgainWithTheSameCounts(@TempDir Path home)
      throws Exception {
    Sandbox primary = sandboxes.sandbox("primary");
    assertThat(primary.awaitSettled(Duration.ofSeconds(60))).isTrue();
    Sandbox standby = standby();
    Path plan = plan(standby, "roll-killed", ONLINE, "quiesce");
    MigrationChildJvm.Run migrated =
        MigrationChildJvm.migrate(
            home, "", List.of("--store", tugboat.storeUri(), "--plan", plan.toString()));
    assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    int migratedObjects = migratedObjects(standby).size();

    // payments (tier 1) rolled back and recorded, shop not yet
    String crashed =
        rollbackInChildJvm(home, "migration-rollback.application#1", 137, "roll-killed");
    assertThat(crashed).doesNotContain("\"phase\"");
    assertThat(replicas(primary, "shop", "cart")).isZero();

    String finished = rollbackInChildJvm(home, "", 0, "roll-killed", "--output", "json");

    // the child's output is stdout and stderr: the report, then the run's summary line
    JsonObject report =
        JsonParser.parseReader(
                new JsonReader(new StringReader(finished.substring(finished.indexOf('{')))))
            .getAsJsonObject();
    assertThat(report.get("phase").getAsString()).isEqualTo("RolledBack");
    assertThat(report.get("snapshot").getAsString()).startsWith("equal (");
    // every object the migration labelled was deleted once, none counted twice
    assertThat(deleted(report)).isEqualTo(createdByRestores(report));
    assertThat(migratedObjects).isPositive();
    awaitNoMigratedObjects(standby);
  }

  @Test
  void anUnknownMigrationIsRefused() {
    RunnerFixture.Result result = rollback("no-such-migration");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err())
        .contains(
            "migration 'no-such-migration' cannot be rolled back: it does not exist in this job"
                + " repository for the store");
  }

  private Sandbox standby() throws IOException {
    return sandboxes
        .start(SandboxOptions.builder().name("standby").nodes(new NodePool(4, "8", "32Gi")).build())
        .sandbox();
  }

  private Path plan(Sandbox target, String name, String source, String cutover) throws IOException {
    return plan(sandboxes.sandbox("primary"), target, name, source, cutover);
  }

  private Path plan(Sandbox primary, Sandbox target, String name, String source, String cutover)
      throws IOException {
    return plan(primary, target, name, source, "", cutover);
  }

  private Path plan(
      Sandbox primary,
      Sandbox target,
      String name,
      String source,
      String extraApplications,
      String cutover)
      throws IOException {
    primary.writeKubeconfig(folder.resolve("primary.kubeconfig"), "primary");
    target.writeKubeconfig(folder.resolve("standby.kubeconfig"), "standby");
    return Files.writeString(
        folder.resolve(name + ".yaml"), PLAN.formatted(name, source, extraApplications, cutover));
  }

  private static RunnerFixture.Result migrate(Path plan) {
    return tugboat.run(
        "migrate", "--store", tugboat.storeUri(), "--plan", plan.toString(), "--output", "json");
  }

  private static RunnerFixture.Result rollback(String id, String... options) {
    List<String> args = new ArrayList<>(List.of("rollback", id, "--store", tugboat.storeUri()));
    args.addAll(List.of(options));
    return tugboat.run(args.toArray(String[]::new));
  }

  /** Runs {@code tugboat rollback} in a JVM of its own, which a crash point halts. */
  private static String rollbackInChildJvm(
      Path home, String crashAt, int exitCode, String id, String... options) throws Exception {
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-Dtugboat.home=" + home));
    if (!crashAt.isEmpty()) {
      jvm.add("-Dtugboat.crash-at=" + crashAt);
    }
    List<String> args = new ArrayList<>(List.of("rollback", id, "--store", tugboat.storeUri()));
    args.addAll(List.of(options));
    Process process = ChildJvm.start(TugboatApplication.class, jvm, args);
    ProcessOutput output = ProcessOutput.drain(process);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat rollback did not finish within 180 s:\n" + output.text());
    }
    assertThat(process.exitValue()).as(output.text()).isEqualTo(exitCode);
    return output.text();
  }

  /** The target's objects labelled by a migration, controllers' children included. */
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

  /** The garbage collector removes the deleted controllers' children in its own time. */
  private static void awaitNoMigratedObjects(Sandbox target) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(migratedObjects(target).keySet()).isEmpty());
  }

  private static int replicas(Sandbox sandbox, String namespace, String name) {
    return sandbox
        .state()
        .get("apps/v1", "Deployment", namespace, name)
        .orElseThrow()
        .getAsJsonObject("spec")
        .get("replicas")
        .getAsInt();
  }

  private static List<String> applications(JsonObject report) {
    List<String> names = new ArrayList<>();
    report
        .getAsJsonArray("applications")
        .forEach(app -> names.add(app.getAsJsonObject().get("name").getAsString()));
    return names;
  }

  /**
   * The source's state that a rollback must give back: the objects of the applications' namespaces
   * that no controller makes, normalised by the tests' own rules ({@link RestoredObjects}), not by
   * the rollback's comparison.
   */
  private static Map<ItemKey, JsonObject> applicationState(Sandbox sandbox) throws Exception {
    Map<ItemKey, JsonObject> state = new TreeMap<>();
    clusterState(sandbox)
        .forEach(
            (key, object) -> {
              if (key.namespace().equals("payments") || key.namespace().equals("shop")) {
                state.put(key, object);
              }
            });
    return state;
  }

  /** Every object of the sandbox but what its controllers make and renew, normalised. */
  private static Map<ItemKey, JsonObject> clusterState(Sandbox sandbox) throws Exception {
    Map<ItemKey, JsonObject> state = new TreeMap<>();
    new SandboxInventory(sandbox.url())
        .everything()
        .forEach(
            (key, object) -> {
              if (!MADE_BY_CONTROLLERS.contains(key.groupResource())) {
                state.put(key, RestoredObjects.normalised(object));
              }
            });
    return state;
  }

  private static JsonObject volume(Sandbox sandbox) {
    return sandbox
        .state()
        .get("v1", "PersistentVolume", null, "pv-shop-data-postgres-0")
        .orElseThrow();
  }

  private static long sumOf(JsonObject report, String field) {
    long sum = 0;
    for (JsonElement app : report.getAsJsonArray("applications")) {
      sum += app.getAsJsonObject().get(field).getAsLong();
    }
    return sum;
  }

  private static long deleted(JsonObject report) {
    long sum = 0;
    for (JsonElement app : report.getAsJsonArray("applications")) {
      JsonObject target = app.getAsJsonObject().getAsJsonObject("target");
      sum += target.has("deleted") ? target.get("deleted").getAsLong() : 0;
    }
    return sum;
  }

  /** The objects the applications' restores created, from their summaries in the store. */
  private static long createdByRestores(JsonObject report) throws IOException {
    long created = 0;
    for (JsonElement app : report.getAsJsonArray("applications")) {
      String restore = app.getAsJsonObject().get("restore").getAsString();
      JsonObject summary =
          JsonParser.parseString(
                  Files.readString(
                      tugboat.store().resolve("restores/" + restore + "/tugboat-restore.json")))
              .getAsJsonObject();
      JsonObject items = summary.getAsJsonObject("items");
      created += items.has("created") ? items.get("created").getAsLong() : 0;
    }
    return created;
  }

  /** The member's pods of both applications, by namespace, name and uid. */
  private static String pods(Sandbox member) {
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
    return String.join("\n", pods);
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
