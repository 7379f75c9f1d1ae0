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
import java.util.ArrayList;
import java.util.List;
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
