package dev.tugboat.samples.sandbox.bench;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures Tugboat's restore, sequential against parallel. It backs a seeded sandbox up once with
 * {@code tugboat backup create} (no latency: the backup is not what is measured), then for each
 * parallelism restores that backup with {@code tugboat restore create} in a JVM of its own ({@link
 * TugboatRestoreProcess}) into a fresh, empty sandbox that adds {@link #LATENCY} to every request,
 * counts the API requests that sandbox served and checks that it holds every backed-up object
 * ({@link RestoredObjects}). The {@link RestoreBenchmarkReport} prints the runs side by side with a
 * verdict per target.
 *
 * <p>The target sandbox runs inside the benchmark's JVM, which does nothing else while the restore
 * runs, so that the objects can be checked in its state without a request. A measurement, not a
 * test: a missed target prints FAIL and does not throw; a restore that fails or leaves objects out
 * throws. Run it with {@code ./mvnw -pl samples verify -Pbenchmark}.
 */
final class RestoreBenchmark {

  /** The size: 200 namespaces of 50 objects, 10k objects. */
  static final String STANDARD_SEED = "generated:200x50";

  /** Velero's way, one item at a time, then Tugboat's parallel restore. */
  static final List<Integer> PARALLELISMS = List.of(1, 16);

  /** What the target adds to every request, as a real API server's round trip would. */
  static final Duration LATENCY = Duration.ofMillis(5);

  /** Far above what either run reaches, so that the client's rate limiter never waits. */
  static final int QPS = 10_000;

  static final int BURST = 200;

  private static final String BACKUP = "restore-benchmark";

  private final String seed;
  private final PrintStream progress;

  /**
   * @param seed the backed-up sandbox's seed, e.g. {@link #STANDARD_SEED}
   * @param progress where to say which phase runs; the report is returned, not printed
   */
  RestoreBenchmark(String seed, PrintStream progress) {
    this.seed = seed;
    this.progress = progress;
  }

  /**
   * @param directory an empty directory for the sandboxes' kubeconfigs, the store and Tugboat's
   *     homes and output
   */
  RestoreBenchmarkReport run(Path directory) throws IOException, InterruptedException {
    Path backupDirectory = directory.resolve("backup");
    long startUpNanos = backUp(backupDirectory, directory.resolve("start-up"));
    Path store = backupDirectory.resolve("store");
    List<RestoreMeasurement> runs = new ArrayList<>();
    for (int parallelism : PARALLELISMS) {
      runs.add(restore(parallelism, store, directory.resolve("restore-" + parallelism)));
    }
    return new RestoreBenchmarkReport(
        seed, BackupBenchmark.MAX_HEAP, LATENCY, QPS, BURST, startUpNanos, runs);
  }

  /**
   * Backs the seeded sandbox up into a store in {@code directory}.
   *
   * @return Tugboat's start-up time, measured meanwhile
   */
  private long backUp(Path directory, Path startUpDirectory)
      throws IOException, InterruptedException {
    Path sourceDirectory = Files.createDirectories(directory.resolve("source"));
    progress.printf("restore benchmark: backing up a sandbox seeded with %s%n", seed);
    try (SandboxProcess source = SandboxProcess.start(seed, sourceDirectory)) {
      TugboatBackupProcess tugboat =
          new TugboatBackupProcess(BackupBenchmark.MAX_HEAP, source.kubeconfig());
      tugboat.backUp(BACKUP, directory, source);
      progress.printf("restore benchmark: Tugboat start-up%n");
      return tugboat.startUpNanos(startUpDirectory);
    }
  }

  private RestoreMeasurement restore(int parallelism, Path store, Path directory)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    String name = "benchmark-p" + parallelism;
    progress.printf("restore benchmark: tugboat restore create --parallelism %d%n", parallelism);
    try (Sandbox target =
        Sandbox.start(
            SandboxOptions.builder().name(name).latency(LATENCY).simulation(false).build())) {
      Path kubeconfig = target.writeKubeconfig(directory.resolve("kubeconfig"), name);
      long nanos =
          new TugboatRestoreProcess(BackupBenchmark.MAX_HEAP, kubeconfig, store)
              .restore(name, BACKUP, parallelism, QPS, BURST, directory);
      JsonObject stats = target.stats();
      long objects = RestoredObjects.count(Seeds.named(seed), target.state(), name);
      return new RestoreMeasurement(
          parallelism,
          objects,
          nanos,
          stats.get("requests").getAsLong(),
          byVerb(stats.getAsJsonObject("byVerb")));
    }
  }

  private static Map<String, Long> byVerb(JsonObject counters) {
    Map<String, Long> byVerb = new TreeMap<>();
    counters.entrySet().forEach(verb -> byVerb.put(verb.getKey(), verb.getValue().getAsLong()));
    return byVerb;
  }
}
