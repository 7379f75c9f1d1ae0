package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup whose process gets SIGTERM (as Kubernetes evicts a pod) stops at a chunk boundary, ends
 * STOPPED with exit code 1 (retry), and the same command, as a retried pod runs it, resumes it to
 * the backup an uninterrupted run makes.
 */
class JobsSigtermTest {

  private static final String NAME = "evicted";

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(
              options ->
                  options
                      .seed(Seeds.named("generated:3x40"))
                      .simulation(false)
                      .latency(Duration.ofMillis(40)))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static VeleroArchiveCheck.CheckedBackup uninterrupted;

  @BeforeAll
  static void backUpWithoutInterruption() throws IOException {
    RunnerFixture.Result result =
        tugboat.run(
            "backup",
            "create",
            NAME,
            "--parallelism",
            "1",
            "--kubeconfig",
            sandbox.kubeconfig().toString(),
            "--store",
            tugboat.storeUri());
    assertThat(result.exitCode()).as(result.err()).isZero();
    uninterrupted = VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), NAME);
  }

  @Test
  void aTerminatedBackupEndsStoppedAndTheSameCommandResumesIt(@TempDir Path home) throws Exception {
    Path store = home.resolve("store");
    Process terminated = start(home, store);
    ProcessOutput terminatedOutput = ProcessOutput.drain(terminated);
    awaitStagedSegment(store.resolve("backups/" + NAME + "/staging"), terminated, terminatedOutput);

    // SIGTERM; Process.destroy() would also close our end of its output, losing the last lines.
    assertThat(terminated.toHandle().destroy()).isTrue();
    assertThat(terminated.waitFor(30, TimeUnit.SECONDS)).as(terminatedOutput.text()).isTrue();

    assertThat(terminated.exitValue()).as(terminatedOutput.text()).isEqualTo(1);
    assertThat(terminatedOutput.text())
        .contains("tugboat: backup '" + NAME + "' stopped: ")
        .contains("run the same command again to resume it");
    assertThat(jobStatuses(home)).containsExactly("STOPPED");
    assertThat(Files.exists(store.resolve("backups/" + NAME + "/velero-backup.json"))).isFalse();

    Process retried = start(home, store);
    ProcessOutput retriedOutput = ProcessOutput.drain(retried);
    assertThat(retried.waitFor(60, TimeUnit.SECONDS)).as(retriedOutput.text()).isTrue();

    assertThat(retried.exitValue()).as(retriedOutput.text()).isZero();
    // One instance, resumed: the stopped execution, then the one that completed it.
    assertThat(jobStatuses(home)).containsExactly("STOPPED", "COMPLETED");
    VeleroArchiveCheck.CheckedBackup resumed =
        VeleroArchiveCheck.check(StoreContents.ofFolder(store), NAME);
    assertThat(resumed.entries()).containsExactlyElementsOf(uninterrupted.entries());
    assertThat(resumed.items()).containsExactlyEntriesOf(uninterrupted.items());
  }

  private static Process start(Path home, Path store) throws IOException {
    return ChildJvm.start(
        TugboatApplication.class,
        List.of("-Xmx256m", "-Dtugboat.home=" + home),
        List.of(
            "backup",
            "create",
            NAME,
            "--parallelism",
            "1",
            "--kubeconfig",
            sandbox.kubeconfig().toString(),
            "--store",
            store.toUri().toString()));
  }

  /** Waits until the backup has staged a chunk: it is listing, mid-job. */
  private static void awaitStagedSegment(Path staging, Process process, ProcessOutput output)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!hasStagedChunk(staging)) {
      if (!process.isAlive()) {
        throw new AssertionError("tugboat ended before it was terminated:\n" + output.text());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no chunk staged within 60 s");
      }
      Thread.sleep(2);
    }
  }

  private static boolean hasStagedChunk(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.anyMatch(file -> file.getFileName().toString().equals("000000"));
    } catch (UncheckedIOException e) {
      return false; // a partial file was renamed while the walk went by: look again
    }
  }

  /** The statuses of the job executions of the child's repository, oldest first. */
  private static List<String> jobStatuses(Path home) throws SQLException {
    List<String> statuses = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + home.resolve("jobs/tugboat"), "", "");
        Statement statement = connection.createStatement();
        ResultSet executions =
            statement.executeQuery(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
      while (executions.next()) {
        statuses.add(executions.getString(1));
      }
    }
    return statuses;
  }
}
