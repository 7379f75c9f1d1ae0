package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A restore whose process dies (crash points halt the JVM as {@code kill -9} would) completes when
 * the same command runs again: the same totals as a restore that was never interrupted, every item
 * counted once as created, and the target holding the same objects.
 */
class RestoreRestartTest {

  private static final String BACKUP = "bench";

  /**
   * Four namespaces and 3200 objects: four chunks of {@value #CHUNK_SIZE} items, so a crash after
   * chunk 3 is mid-restore, and a rerun that resumed (chunks 1 and 2 committed, not applied again)
   * can be told from one that started over.
   */
  @RegisterExtension
  static SandboxExtension sandboxes =
      SandboxExtension.builder()
          .sandbox(
              "source", options -> options.seed(Seeds.named("generated:4x800")).simulation(false))
          .sandbox("uninterrupted", options -> options.simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  /**
   * Requests per second and burst: the sandbox serves thousands; the default would pace the test.
   */
  private static final String QPS = "2000";

  /** The restore's chunk size, which the crash points and counts below are written for. */
  private static final int CHUNK_SIZE = 1000;

  /** default, kube-system, kube-public and kube-node-lease: in every sandbox from its start. */
  private static final int SYSTEM_NAMESPACES = 4;

  private static Map<String, Long> uninterruptedCounts;
  private static Map<ItemKey, JsonObject> uninterruptedTarget;

  @BeforeAll
  static void restoreWithoutInterruption() throws Exception {
    assertThat(RestoreRun.DEFAULT_CHUNK_SIZE).isEqualTo(CHUNK_SIZE);
    RunnerFixture.Result backup =
        tugboat.createBackup(
            sandboxes.kubeconfig("source"), BACKUP, "--include-namespaces", "bench-*");
    assertThat(backup.exitCode()).as(backup.err()).isZero();
    RunnerFixture.Result result =
        TugboatRestore.create(
            tugboat,
            sandboxes.kubeconfig("uninterrupted"),
            "uninterrupted",
            BACKUP,
            "--qps",
            QPS,
            "--burst",
            QPS);
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    uninterruptedCounts =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), "uninterrupted").counts();
    assertThat(uninterruptedCounts).isEqualTo(Map.of("created", 3204L));
    uninterruptedTarget =
        new SandboxInventory(sandboxes.sandbox("uninterrupted").url()).everything();
  }

  @ParameterizedTest
  @CsvSource({
    // three chunks applied, the third not recorded: the rerun applies it again, then the rest
    "restore.applied-chunk#3, mid-apply, 3000, 1204",
    // everything applied and recorded: the rerun only publishes
    "restore.before-summary, before-summary, 3204, 0"
  })
  void aRerunAfterACrashCompletesTheSameRestore(
      String crashPoint,
      String name,
      int appliedBeforeCrash,
      long createsOnRerun,
      @TempDir Path home)
      throws Exception {
    SandboxExtension.Running target = emptyTarget();

    Run crashed = run(home, target, name, List.of("-Dtugboat.crash-at=" + crashPoint));
    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(137);
    assertThat(Files.exists(tugboat.store().resolve("restores/" + name + "/tugboat-restore.json")))
        .isFalse();
    Map<ItemKey, JsonObject> afterCrash = new SandboxInventory(target.sandbox().url()).everything();
    assertThat(afterCrash).hasSize(SYSTEM_NAMESPACES + appliedBeforeCrash);
    target.sandbox().resetStats();

    Run rerun = run(home, target, name, List.of());
    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    RestoreRecordsCheck records =
        RestoreRecordsCheck.read(StoreContents.ofFolder(tugboat.store()), name);
    assertThat(records.counts()).isEqualTo(uninterruptedCounts);
    assertThat(records.withDisposition("created")).hasSize(3204);
    assertThat(records.phase()).isEqualTo("Completed");
    assertThat(WriteRequests.of(target.sandbox()))
        .isEqualTo(createsOnRerun == 0 ? Map.of() : Map.of("create", createsOnRerun));
    RestoredObjects.assertSameObjects(
        new SandboxInventory(target.sandbox().url()).everything(), uninterruptedTarget);
  }

  private record Run(int exitCode, String output) {}

  private static Run run(
      Path home, SandboxExtension.Running target, String name, List<String> jvmOptions)
      throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dtugboat.home=" + home));
    options.addAll(jvmOptions);
    Process process =
        ChildJvm.start(
            TugboatApplication.class,
            options,
            List.of(
                "restore",
                "create",
                name,
                "--from-backup",
                BACKUP,
                "--kubeconfig",
                target.kubeconfig().toString(),
                "--store",
                tugboat.storeUri(),
                "--qps",
                QPS,
                "--burst",
                QPS));
    ProcessOutput output = ProcessOutput.drain(process);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat did not finish within 90 s:\n" + output.text());
    }
    return new Run(process.exitValue(), output.text());
  }

  private static SandboxExtension.Running emptyTarget() throws IOException {
    return sandboxes.start(SandboxOptions.builder().name("target").simulation(false).build());
  }
}
