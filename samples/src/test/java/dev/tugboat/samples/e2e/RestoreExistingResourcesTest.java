package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --existing-resource-policy} against a target that already holds some of the backed-up
 * objects: {@code shop/same} equal to the backup, {@code shop/differs} with other data, {@code
 * shop/missing} not at all. Equal objects are never written, whatever the policy; the sandbox's
 * request counters show which writes each policy made.
 */
class RestoreExistingResourcesTest {

  private static final String BACKUP = "configs";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder().sandbox("source", options -> options.simulation(false)).build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @BeforeAll
  static void backUpThreeConfigMaps() {
    ClusterState state = sandboxes.sandbox("source").state();
    state.create(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}"));
    for (String name : new String[] {"same", "differs", "missing"}) {
      state.create(configMap(name, "backed-up"));
    }
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-namespaces", "shop");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
  }

  @Test
  void noneSkipsADifferentObjectWithAWarningAndLeavesIt() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();

    RunnerFixture.Result result = restore(target, "policy-none", "none");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    RestoreRecordsCheck records = records("policy-none");
    assertThat(records.phase()).isEqualTo("Completed");
    assertThat(records.counts())
        .containsExactlyInAnyOrderEntriesOf(Map.of("created", 1L, "unchanged", 2L, "skipped", 1L));
    assertThat(records.summary().get("warnings").getAsInt()).isEqualTo(1);
    assertThat(records.warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            "could not restore, ConfigMap:differs already exists. Warning: the in-cluster version"
                + " is different than the backed-up version (differs in data.value)");
    assertThat(records.resourceList().get("v1/ConfigMap"))
        .containsExactly("shop/differs(skipped)", "shop/missing(created)", "shop/same(skipped)");
    JsonObject differs = configMapIn(target, "differs");
    assertThat(differs.getAsJsonObject("data").get("value").getAsString()).isEqualTo("local");
    assertThat(WriteRequests.of(target.sandbox())).isEqualTo(Map.of("create", 4L));
  }

  @Test
  void updatePatchesADifferentObjectToTheBackup() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    String uid = uidOf(configMapIn(target, "differs"));

    RunnerFixture.Result result = restore(target, "policy-update", "update");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(records("policy-update").counts())
        .containsExactlyInAnyOrderEntriesOf(Map.of("created", 1L, "unchanged", 2L, "updated", 1L));
    JsonObject differs = configMapIn(target, "differs");
    assertThat(differs.getAsJsonObject("data").get("value").getAsString()).isEqualTo("backed-up");
    assertThat(uidOf(differs)).isEqualTo(uid);
    assertThat(WriteRequests.of(target.sandbox())).isEqualTo(Map.of("create", 4L, "patch", 1L));
  }

  @Test
  void recreateDeletesADifferentObjectAndCreatesTheBackup() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    String uid = uidOf(configMapIn(target, "differs"));
    String sameUid = uidOf(configMapIn(target, "same"));

    RunnerFixture.Result result = restore(target, "policy-recreate", "recreate");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(records("policy-recreate").counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("created", 1L, "unchanged", 2L, "recreated", 1L));
    JsonObject differs = configMapIn(target, "differs");
    assertThat(differs.getAsJsonObject("data").get("value").getAsString()).isEqualTo("backed-up");
    assertThat(uidOf(differs)).isNotEqualTo(uid);
    assertThat(uidOf(configMapIn(target, "same"))).isEqualTo(sameUid);
    // the first create is refused (it exists), then delete and create again
    assertThat(WriteRequests.of(target.sandbox())).isEqualTo(Map.of("create", 5L, "delete", 1L));
  }

  @Test
  void aSecondRestoreFindsEverythingEqualAndWritesNothing() throws Exception {
    SandboxExtension.Running target = targetWithExistingObjects();
    assertThat(restore(target, "first", "update").exitCode()).isZero();

    RunnerFixture.Result again = restore(target, "again", "update");

    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(records("again").counts()).isEqualTo(Map.of("unchanged", 4L));
    // every create is answered 409 Already Exists; nothing is patched, replaced or deleted
    assertThat(WriteRequests.of(target.sandbox())).isEqualTo(Map.of("create", 4L));
    assertThat(target.sandbox().stats().getAsJsonObject("byCode").get("409").getAsInt())
        .isEqualTo(4);
  }

  /** A target holding namespace shop, {@code same} as backed up and {@code differs} changed. */
  private static SandboxExtension.Running targetWithExistingObjects() throws Exception {
    SandboxExtension.Running target =
        sandboxes.start(SandboxOptions.builder().name("target").simulation(false).build());
    ClusterState state = target.sandbox().state();
    state.create(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}"));
    state.create(configMap("same", "backed-up"));
    state.create(configMap("differs", "local"));
    return target;
  }

  private static RunnerFixture.Result restore(
      SandboxExtension.Running target, String name, String policy) {
    target.sandbox().resetStats();
    return TugboatRestore.create(
        tugboat, target.kubeconfig(), name, BACKUP, "--existing-resource-policy", policy);
  }

  private static RestoreRecordsCheck records(String name) throws Exception {
    return RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), name);
  }

  private static JsonObject configMapIn(SandboxExtension.Running target, String name) {
    return target.sandbox().state().get("v1", "ConfigMap", "shop", name).orElseThrow();
  }

  private static String uidOf(JsonObject object) {
    return object.getAsJsonObject("metadata").get("uid").getAsString();
  }

  private static JsonObject configMap(String name, String value) {
    return json(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'"
            + name
            + "','namespace':'shop','labels':{'app':'web'}},'data':{'value':'"
            + value
            + "'}}");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }
}
