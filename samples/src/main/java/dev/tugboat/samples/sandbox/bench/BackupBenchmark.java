package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.backup.job.BackupRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures Tugboat's backup against its floor. For each seed it starts a sandbox in a JVM of its
 * own ({@link SandboxProcess}), lists everything once unmeasured to warm the sandbox up, then
 * measures the {@link FloorBackup} (the same LISTs over raw HTTP, gzipped, no Spring Batch) and the
 * real {@code tugboat backup create}, each in a fresh JVM with the launcher's options and the same
 * bounded heap ({@link FloorBackupProcess}, {@link TugboatBackupProcess}), each with the API
 * requests the sandbox counted. The {@link BackupBenchmarkReport} prints them side by side with a
 * verdict per target.
 *
 * <p>A measurement, not a test: a missed target prints FAIL and does not throw. It throws when a
 * side fails (a backup that does not complete, the 256 MiB heap overflowing) or when the two sides
 * disagree on the number of objects. Run it with {@code ./mvnw -pl samples verify -Pbenchmark}.
 */
public final class BackupBenchmark {

  /** The sizes: 200 x 50 (10k objects) and 1000 x 100 (100k objects). */
  public static final List<String> STANDARD_SEEDS =
      List.of("generated:200x50", "generated:1000x100");

  /** The bound on Tugboat's heap. */
  public static final String MAX_HEAP = "256m";

  private final List<String> seeds;
  private final PrintStream progress;

  /**
   * @param seeds the sandboxes' seeds, smallest first
   * @param progress where to say which phase runs; the report is returned, not printed
   */
  public BackupBenchmark(List<String> seeds, PrintStream progress) {
    this.seeds = List.copyOf(seeds);
    this.progress = progress;
  }

  /** Runs the {@link #STANDARD_SEEDS} and prints the report. */
  public static void main(String[] args) throws IOException, InterruptedException {
    BackupBenchmarkReport report = new BackupBenchmark(STANDARD_SEEDS, System.out).run();
    System.out.print(report.format());
  }

  public BackupBenchmarkReport run() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("backup-benchmark");
    try {
      return run(directory);
    } finally {
      deleteRecursively(directory);
    }
  }

  private BackupBenchmarkReport run(Path directory) throws IOException, InterruptedException {
    List<SizeResult> results = new ArrayList<>();
    long startUpNanos = 0;
    for (int index = 0; index < seeds.size(); index++) {
      String seed = seeds.get(index);
      Path sizeDirectory = directory.resolve("size-" + index);
      Files.createDirectories(sizeDirectory);
      progress.printf("backup benchmark: starting a sandbox seeded with %s%n", seed);
      try (SandboxProcess sandbox = SandboxProcess.start(seed, sizeDirectory)) {
        FloorBackup floor =
            new FloorBackup(
                sandbox.url(), BackupRun.DEFAULT_PARALLELISM, BackupRun.DEFAULT_PAGE_SIZE);
        progress.printf("backup benchmark: %s: warm-up listing%n", seed);
        floor.run();
        progress.printf("backup benchmark: %s: floor%n", seed);
        BackupMeasurement floorMeasurement =
            new FloorBackupProcess(
                    MAX_HEAP,
                    sandbox.url(),
                    BackupRun.DEFAULT_PARALLELISM,
                    BackupRun.DEFAULT_PAGE_SIZE)
                .measure(sizeDirectory.resolve("floor"), sandbox);
        TugboatBackupProcess tugboat = new TugboatBackupProcess(MAX_HEAP, sandbox.kubeconfig());
        if (index == 0) {
          progress.printf("backup benchmark: Tugboat start-up%n");
          startUpNanos = tugboat.startUpNanos(sizeDirectory.resolve("start-up"));
        }
        progress.printf("backup benchmark: %s: tugboat backup create%n", seed);
        BackupMeasurement timed =
            tugboat.backUp("benchmark-" + index, sizeDirectory.resolve("tugboat"), sandbox);
        progress.printf("backup benchmark: %s: tugboat backup create, heap probed%n", seed);
        BackupMeasurement tugboatMeasurement =
            timed.withPeakLiveHeap(
                tugboat.peakLiveHeap(
                    "benchmark-heap-" + index, sizeDirectory.resolve("tugboat-heap")));
        if (tugboatMeasurement.objects() != floorMeasurement.objects()) {
          throw new IllegalStateException(
              seed
                  + ": Tugboat backed up "
                  + tugboatMeasurement.objects()
                  + " objects, the floor listed "
                  + floorMeasurement.objects());
        }
        results.add(new SizeResult(seed, floorMeasurement, tugboatMeasurement));
      }
    }
    return new BackupBenchmarkReport(
        MAX_HEAP,
        BackupRun.DEFAULT_PARALLELISM,
        BackupRun.DEFAULT_PAGE_SIZE,
        startUpNanos,
        results);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
