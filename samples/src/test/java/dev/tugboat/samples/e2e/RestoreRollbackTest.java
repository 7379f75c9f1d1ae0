package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tugboat restore rollback} on a target that held some of the backed-up objects before the
 * restore: namespace {@code shop} with {@code same} (equal to the backup), {@code differs} (other
 * data) and {@code kept} (not in the backup). The backup also holds {@code shop/missing} and a
 * namespace {@code fresh} with a ConfigMap and a Deployment, which the restore creates. After the
 * rollback the target equals its state before the restore, labels included, server-set fields
 * aside. The sandboxes run no controllers, so every object is the restore's or the test's.
 */
class RestoreRollbackTest {

  private static final String BACKUP = "shop";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder().sandbox("source", options -> options.simulation(false)).build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @BeforeAll
  static void backUpTwoNamespaces() {
    ClusterState state = sandboxes.sandbox("source").state();
    state.create(namespace("shop"));
    state.create(namespace("fresh"));
    for (String name : new String[] {"same", "differs", "missing"}) {
      state.create(configMap("shop", name, "backed-up"));
    }
    state.create(configMap("fresh", "new", "backed-up"));
    state.create(
        json(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'fresh'},"
                + "'spec':{'replicas':1,'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':"
                + "{'labels':{'app':'web'}},'spec':{'containers':[{'name':'web','image':'nginx'}]}}}}"));
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-namespaces", "shop,fresh");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"update, updated", "recreate, recreated"})
  void aRollbackReturnsTheTargetToItsStateBeforeTheRestore(String policy, String changed)
      throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    Map<ItemKey, JsonObject> before = inventory(target);
    String name = "policy-" + policy;
    RunnerFixture.Result restore =
        TugboatRestore.create(
            tugboat, target.kubeconfig(), name, BACKUP, "--existing-resource-policy", policy);
    assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
    assertThat(RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), name).counts())
        .isEqualTo(Map.of("created", 4L, changed, 1L, "unchanged", 2L));

    RunnerFixture.Result rollback = rollback(target, name);

    assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
    JsonObject report = TugboatRestore.json(rollback);
    assertThat(report.get("phase").getAsString()).isEqualTo("RolledBack");
    assertThat(countsOf(report)).isEqualTo(Map.of("deleted", 4L, "put-back", 1L, "left-alone", 2L));
    assertThat(normalised(inventory(target))).isEqualTo(normalised(before));
    assertThat(deletionOrder(report))
        .containsExactly(
            "deployments.apps/fresh/web",
            "configmaps/fresh/new",
            "configmaps/shop/missing",
            "namespaces/fresh");
    assertThat(rollbackPhaseListed(name)).isEqualTo("RolledBack");
    JsonObject stored =
        JsonParser.parseString(
                Files.readString(
                    tugboat.store().resolve("restores/" + name + "/tugboat-rollback.json")))
            .getAsJsonObject();
    assertThat(stored).isEqualTo(report);
  }

  @Test
  void anObjectTheRestoreSkippedSurvivesAndOneRelabelledIsLeftAlone() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    Map<ItemKey, JsonObject> before = inventory(target);
    RunnerFixture.Result restore =
        TugboatRestore.create(tugboat, target.kubeconfig(), "policy-none", BACKUP);
    assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
    // Someone takes over shop/missing after the restore: the rollback must not delete it.
    ClusterState state = target.sandbox().state();
    JsonObject missing = state.get("v1", "ConfigMap", "shop", "missing").orElseThrow();
    missing.getAsJsonObject("metadata").getAsJsonObject("labels").remove("velero.io/restore-name");
    state.update(missing);

    RunnerFixture.Result rollback = rollback(target, "policy-none");

    assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
    JsonObject report = TugboatRestore.json(rollback);
    assertThat(countsOf(report)).isEqualTo(Map.of("deleted", 3L, "left-alone", 4L));
    assertThat(reasonOf(report, "configmaps", "shop", "missing"))
        .isEqualTo("it no longer carries the label velero.io/restore-name=policy-none");
    assertThat(reasonOf(report, "configmaps", "shop", "differs"))
        .startsWith("the restore left it as it was: could not restore, ConfigMap:differs");
    Map<ItemKey, JsonObject> after = inventory(target);
    assertThat(after.get(new ItemKey("configmaps", "shop", "differs")).getAsJsonObject("data"))
        .isEqualTo(json("{'value':'local'}"));
    Map<ItemKey, JsonObject> expected = new TreeMap<>(before);
    expected.put(new ItemKey("configmaps", "shop", "missing"), missing);
    assertThat(normalised(after)).isEqualTo(normalised(expected));
  }

  @Test
  void aDryRunPrintsThePlanAndWritesNothing() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    RunnerFixture.Result restore =
        TugboatRestore.create(
            tugboat, target.kubeconfig(), "dry", BACKUP, "--existing-resource-policy", "update");
    assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
    Map<ItemKey, JsonObject> afterRestore = inventory(target);
    target.sandbox().resetStats();

    RunnerFixture.Result dryRun = rollback(target, "dry", "--dry-run");

    assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
    JsonObject report = TugboatRestore.json(dryRun);
    assertThat(report.get("dryRun").getAsBoolean()).isTrue();
    assertThat(countsOf(report)).isEqualTo(Map.of("deleted", 4L, "put-back", 1L, "left-alone", 2L));
    assertThat(WriteRequests.of(target.sandbox())).isEmpty();
    assertThat(inventory(target)).isEqualTo(afterRestore);
    assertThat(tugboat.store().resolve("restores/dry/tugboat-rollback.json")).doesNotExist();
    assertThat(tugboat.store().resolve("restores/dry/rollback")).doesNotExist();
  }

  @Test
  void aRestoreWithoutALedgerOrThatDoesNotExistIsRefusedWithExitCode4() throws Exception {
    Path veleroRecords = tugboat.store().resolve("restores/by-velero/restore-by-velero-logs.gz");
    Files.createDirectories(veleroRecords.getParent());
    Files.write(veleroRecords, new byte[0]);

    SandboxExtension.Running target = targetWithExistingObjects();
    RunnerFixture.Result byVelero = rollback(target, "by-velero");
    RunnerFixture.Result missing = rollback(target, "nowhere");

    assertThat(byVelero.exitCode()).isEqualTo(4);
    assertThat(byVelero.err())
        .isEqualTo(
            "tugboat: restore 'by-velero' cannot be rolled back: it has no Tugboat summary in "
                + tugboat.store()
                + " (a Velero restore, or one that did not finish)\n");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err())
        .isEqualTo("tugboat: restore 'nowhere' does not exist in " + tugboat.store() + "\n");
  }

  @Test
  void aRollbackKilledMidRunFinishesWhenRunAgain(@TempDir Path home) throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    Map<ItemKey, JsonObject> before = inventory(target);
    // In child JVMs of their own home: the fixture holds its job repository open.
    Run restore =
        child(
            home,
            target,
            List.of(),
            "restore",
            "create",
            "crashed",
            "--from-backup",
            BACKUP,
            "--existing-resource-policy",
            "recreate");
    assertThat(restore.exitCode()).as(restore.output()).isZero();

    Run crashed =
        child(
            home,
            target,
            List.of("-Dtugboat.crash-at=rollback.undone-chunk#1"),
            "restore",
            "rollback",
            "crashed");
    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(137);
    // The deletions were made, not recorded; the phase says a rollback is under way.
    assertThat(rollbackPhaseListed("crashed")).isEqualTo("RollingBack");
    assertThat(inventory(target)).doesNotContainKey(new ItemKey("namespaces", "", "fresh"));
    target.sandbox().resetStats();

    Run rerun =
        child(home, target, List.of(), "restore", "rollback", "crashed", "--output", "json");

    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    JsonObject report =
        JsonParser.parseString(
                Files.readString(tugboat.store().resolve("restores/crashed/tugboat-rollback.json")))
            .getAsJsonObject();
    assertThat(report.get("phase").getAsString()).isEqualTo("RolledBack");
    assertThat(countsOf(report)).isEqualTo(Map.of("deleted", 4L, "put-back", 1L, "left-alone", 2L));
    assertThat(reasonOf(report, "configmaps", "shop", "missing")).isEqualTo("already gone");
    // The rerun deletes nothing again: it only recreates shop/differs.
    assertThat(WriteRequests.of(target.sandbox())).isEqualTo(Map.of("create", 1L, "delete", 1L));
    assertThat(normalised(inventory(target))).isEqualTo(normalised(before));
  }

  private record Run(int exitCode, String output) {}

  private static Run child(
      Path home, SandboxExtension.Running target, List<String> jvmOptions, String... command)
      throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dtugboat.home=" + home));
    options.addAll(jvmOptions);
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of("--kubeconfig", target.kubeconfig().toString(), "--store", tugboat.storeUri()));
    Process process = ChildJvm.start(TugboatApplication.class, options, args);
    ProcessOutput output = ProcessOutput.drain(process);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat did not finish within 90 s:\n" + output.text());
    }
    return new Run(process.exitValue(), output.text());
  }

  private static RunnerFixture.Result rollback(
      SandboxExtension.Running target, String name, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "restore",
                "rollback",
                name,
                "--kubeconfig",
                target.kubeconfig().toString(),
                "--store",
                tugboat.storeUri(),
                "--output",
                "json"));
    args.addAll(List.of(options));
    return tugboat.run(args.toArray(String[]::new));
  }

  private static String rollbackPhaseListed(String name) {
    RunnerFixture.Result list =
        tugboat.run("restore", "list", "--store", tugboat.storeUri(), "--output", "json");
    for (JsonElement row : TugboatRestore.json(list).getAsJsonArray("restores")) {
      if (row.getAsJsonObject().get("name").getAsString().equals(name)) {
        return row.getAsJsonObject().get("rollback").getAsString();
      }
    }
    throw new AssertionError("restore " + name + " is not listed: " + list.out());
  }

  private static Map<String, Long> countsOf(JsonObject report) {
    Map<String, Long> counts = new TreeMap<>();
    report
        .getAsJsonObject("items")
        .entrySet()
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue().getAsLong()));
    return counts;
  }

  private static List<String> deletionOrder(JsonObject report) {
    List<String> deleted = new ArrayList<>();
    for (JsonElement element : report.getAsJsonArray("outcomes")) {
      JsonObject outcome = element.getAsJsonObject();
      if (outcome.get("action").getAsString().equals("DELETE")) {
        String namespace = outcome.get("namespace").getAsString();
        deleted.add(
            outcome.get("groupResource").getAsString()
                + "/"
                + (namespace.isEmpty() ? "" : namespace + "/")
                + outcome.get("name").getAsString());
      }
    }
    return deleted;
  }

  private static String reasonOf(
      JsonObject report, String groupResource, String namespace, String name) {
    for (JsonElement element : report.getAsJsonArray("outcomes")) {
      JsonObject outcome = element.getAsJsonObject();
      if (outcome.get("groupResource").getAsString().equals(groupResource)
          && outcome.get("namespace").getAsString().equals(namespace)
          && outcome.get("name").getAsString().equals(name)) {
        return outcome.get("reason").getAsString();
      }
    }
    throw new AssertionError("no outcome for " + name + " in " + report);
  }

  /**
   * The objects without what the server sets on every write (uid, resourceVersion, timestamps,
   * managedFields, generation) and without status; labels are kept, so that a restore label left
   * behind is a difference.
   */
  private static Map<ItemKey, JsonObject> normalised(Map<ItemKey, JsonObject> objects) {
    Map<ItemKey, JsonObject> normalised = new TreeMap<>();
    objects.forEach(
        (key, object) -> {
          JsonObject copy = object.deepCopy();
          copy.remove("status");
          JsonObject metadata = copy.getAsJsonObject("metadata");
          for (String field :
              List.of(
                  "uid", "resourceVersion", "creationTimestamp", "generation", "managedFields")) {
            metadata.remove(field);
          }
          normalised.put(key, copy);
        });
    return normalised;
  }

  private static Map<ItemKey, JsonObject> inventory(SandboxExtension.Running target)
      throws Exception {
    return new SandboxInventory(target.sandbox().url()).everything();
  }

  /**
   * A target holding namespace shop, {@code same} as backed up, {@code differs} changed, {@code
   * kept}.
   */
  private static SandboxExtension.Running targetWithExistingObjects() throws Exception {
    SandboxExtension.Running target =
        sandboxes.start(SandboxOptions.builder().name("target").simulation(false).build());
    ClusterState state = target.sandbox().state();
    state.create(namespace("shop"));
    state.create(configMap("shop", "same", "backed-up"));
    state.create(configMap("shop", "differs", "local"));
    state.create(configMap("shop", "kept", "local"));
    return target;
  }

  private static JsonObject namespace(String name) {
    return json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'" + name + "'}}");
  }

  private static JsonObject configMap(String namespace, String name, String value) {
    return json(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'"
            + name
            + "','namespace':'"
            + namespace
            + "','labels':{'app':'web'}},'data':{'value':'"
            + value
            + "'}}");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }
}
