package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code restore create --dry-run} says what a restore would do, item by item, with only reads: the
 * target serves no write request, the store gets no restore, and the same dry run can run again.
 */
class RestoreDryRunTest {

  private static final String BACKUP = "shop";

  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox("source", options -> options.simulation(false))
          .sandbox("target", options -> options.simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  @BeforeAll
  static void backUpAndPrepareTheTarget() {
    ClusterState source = sandboxes.sandbox("source").state();
    source.create(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}"));
    source.create(configMap("same", "backed-up"));
    source.create(configMap("differs", "backed-up"));
    source.create(configMap("missing", "backed-up"));
    JsonObject pod =
        source.create(
            json(
                "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'done','namespace':'shop'},"
                    + "'spec':{'containers':[{'name':'main','image':'busybox'}]}}"));
    pod.add("status", json("{'phase':'Succeeded'}"));
    source.updateStatus(pod);
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-namespaces", "shop");
    assertThat(backup.exitCode()).as(backup.err()).isZero();

    ClusterState target = sandboxes.sandbox("target").state();
    target.create(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}"));
    target.create(configMap("same", "backed-up"));
    target.create(configMap("differs", "local"));
  }

  @Test
  void aDryRunListsWhatARestoreWouldDoAndWritesNothingTwice() throws Exception {
    for (int run = 1; run <= 2; run++) {
      sandboxes.sandbox("target").resetStats();

      RunnerFixture.Result result =
          TugboatRestore.create(
              tugboat,
              sandboxes.kubeconfig("target"),
              "rehearsal",
              BACKUP,
              "--dry-run",
              "--existing-resource-policy",
              "update");

      assertThat(result.exitCode()).as("run " + run + ": " + result.out() + result.err()).isZero();
      JsonObject json = TugboatRestore.json(result);
      assertThat(actions(json))
          .as("run " + run)
          .containsExactlyInAnyOrder(
              "unchanged namespaces /shop ",
              "unchanged configmaps shop/same ",
              "update configmaps shop/differs differs in data.value",
              "create configmaps shop/missing ",
              "not-restored pods shop/done the pod is complete (status.phase Succeeded)");
      JsonObject summary = json.getAsJsonObject("summary");
      assertThat(summary.get("dryRun").getAsBoolean()).isTrue();
      assertThat(summary.getAsJsonObject("items"))
          .isEqualTo(
              JsonParser.parseString(
                  "{\"created\":1,\"updated\":1,\"unchanged\":2,\"not-restored\":1}"));
      assertThat(WriteRequests.of(sandboxes.sandbox("target"))).as("run " + run).isEmpty();
    }
    assertThat(
            sandboxes
                .sandbox("target")
                .state()
                .get("v1", "ConfigMap", "shop", "differs")
                .orElseThrow()
                .getAsJsonObject("data")
                .get("value")
                .getAsString())
        .isEqualTo("local");
    assertThat(sandboxes.sandbox("target").state().get("v1", "ConfigMap", "shop", "missing"))
        .isEmpty();
    assertThat(Files.exists(tugboat.store().resolve("restores/rehearsal"))).isFalse();
  }

  /** Each planned item as {@code action groupResource namespace/name message}. */
  private static List<String> actions(JsonObject dryRun) {
    List<String> actions = new ArrayList<>();
    for (JsonElement element : dryRun.getAsJsonArray("items")) {
      JsonObject item = element.getAsJsonObject();
      actions.add(
          item.get("action").getAsString()
              + " "
              + item.get("groupResource").getAsString()
              + " "
              + item.get("namespace").getAsString()
              + "/"
              + item.get("name").getAsString()
              + " "
              + item.get("message").getAsString());
    }
    return actions;
  }

  private static JsonObject configMap(String name, String value) {
    return json(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'"
            + name
            + "','namespace':'shop'},'data':{'value':'"
            + value
            + "'}}");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }
}
