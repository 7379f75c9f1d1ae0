package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup process killed ({@code kill -9}) while it lists, one partition at a time against a slow
 * API server, completes when the same command runs again, equal to a backup that was never
 * interrupted, without listing again the partitions that had completed.
 */
class BackupKilledWhileListingTest {

  private static final String NAME = "killed";

  /**
   * Requests the rerun may repeat although their partitions completed: the plan step's discovery
   * and namespace LIST, which the rerun does not redo but the related step and connecting do too.
   */
  private static final Set<String> NOT_PARTITIONS = Set.of("discovery", "namespaces");

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
  private static Map<String, Integer> uninterruptedRequests;

  @BeforeAll
  static void backUpWithoutInterruption() throws IOException {
    sandbox.sandbox().resetStats();
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
    uninterruptedRequests = requestsByResource();
    uninterrupted = VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), NAME);
  }

  @Test
  void aRerunListsOnlyThePartitionsThatHadNotCompleted(@TempDir Path home) throws Exception {
    Path store = home.resolve("store");
    Process killed = start(home, store);
    ProcessOutput killedOutput = ProcessOutput.drain(killed);
    awaitStagedSegments(store.resolve("backups/" + NAME + "/staging"), 2, killed, killedOutput);
    killed.destroyForcibly();
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Set<String> completedBeforeKill = completedPartitions(home);

    sandbox.sandbox().resetStats();
    Process rerun = start(home, store);
    ProcessOutput rerunOutput = ProcessOutput.drain(rerun);
    assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).as(rerunOutput.text()).isTrue();

    assertThat(rerun.exitValue()).as(rerunOutput.text()).isZero();
    VeleroArchiveCheck.CheckedBackup resumed =
        VeleroArchiveCheck.check(StoreContents.ofFolder(store), NAME);
    assertThat(resumed.entries()).containsExactlyElementsOf(uninterrupted.entries());
    assertThat(resumed.items()).containsExactlyEntriesOf(uninterrupted.items());
    // Killed while listing: some partitions had completed, not all.
    Set<String> allPartitions = completedPartitions(home);
    assertThat(completedBeforeKill).isNotEmpty();
    assertThat(allPartitions).hasSizeGreaterThan(completedBeforeKill.size());
    // Each partition lists its type once (no type has more than a page of objects): the rerun made
    // every request of the uninterrupted backup but the LIST of each partition completed before.
    Map<String, Integer> expected = new TreeMap<>(uninterruptedRequests);
    for (String partition : completedBeforeKill) {
      expected.merge(groupResource(partition), -1, Integer::sum);
    }
    expected.values().removeIf(count -> count == 0);
    assertThat(requestsByResource()).isEqualTo(expected);
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

  /** API requests since the last reset, by resource, but for those of {@link #NOT_PARTITIONS}. */
  private static Map<String, Integer> requestsByResource() {
    Map<String, Integer> requests = new TreeMap<>();
    JsonObject byResource = sandbox.sandbox().stats().getAsJsonObject("byResource");
    byResource.entrySet().forEach(e -> requests.put(e.getKey(), e.getValue().getAsInt()));
    requests.keySet().removeAll(NOT_PARTITIONS);
    return requests;
  }

  /**
   * Waits until {@code segments} staged segments have a chunk. Partitions run one at a time, so the
   * partition of the first has completed by then.
   */
  private static void awaitStagedSegments(
      Path staging, int segments, Process process, ProcessOutput output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (stagedSegments(staging) < segments) {
      if (!process.isAlive()) {
        throw new AssertionError("tugboat ended before it was killed:\n" + output.text());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + segments + " segments staged within 60 s");
      }
      Thread.sleep(2);
    }
  }

  /** Segment folders ({@code staging/<run>/<segment>/}) holding a chunk. */
  private static long stagedSegments(Path staging) throws IOException {
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files
          .filter(file -> file.getFileName().toString().equals("000000"))
          .map(Path::getParent)
          .distinct()
          .count();
    } catch (UncheckedIOException e) {
      // a partial file was renamed while the walk went by: look again
      return 0;
    }
  }

  /** The list partitions ({@code configmaps@*}) the job repository records as completed. */
  private static Set<String> completedPartitions(Path home) throws SQLException {
    Set<String> partitions = new TreeSet<>();
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:file:" + home.resolve("jobs/tugboat"), "", "");
        Statement statement = connection.createStatement();
        ResultSet steps =
            statement.executeQuery(
                "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION"
                    + " WHERE STATUS = 'COMPLETED' AND STEP_NAME LIKE 'list:%'")) {
      while (steps.next()) {
        partitions.add(steps.getString(1).substring("list:".length()));
      }
    }
    return partitions;
  }

  /** {@code configmaps} of partition {@code configmaps@*}. */
  private static String groupResource(String partition) {
    return partition.substring(0, partition.indexOf('@'));
  }
}
