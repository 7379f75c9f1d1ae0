package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.restore.migrate.ApplicationOutcome;
import dev.tugboat.restore.migrate.ApplicationStatus;
import dev.tugboat.restore.migrate.MigrationPhase;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import dev.tugboat.samples.sandbox.SandboxOptions.NodePool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures Tugboat's migration, sequential against parallel (issue 7, "Speed"). It backs a sandbox
 * seeded with one namespace per application ({@code generated:<N>x10}) up once, then for each
 * parallelism migrates every application offline from that backup with {@code tugboat migrate} in a
 * JVM of its own ({@link TugboatMigrateProcess}) into a fresh target sandbox with room for all,
 * whose pods become Ready a kubelet start delay after they start, and reads the migration's report
 * from the store. The {@link MigrationBenchmarkReport} compares each wall time with the ideal.
 *
 * <p>The target sandbox runs inside the benchmark's JVM, which does nothing else meanwhile. A
 * measurement, not a test: a missed target prints FAIL and does not throw; a migration that does
 * not migrate every application throws, since its time would not measure what the report says. Run
 * it with {@code ./mvnw -pl samples verify -Pbenchmark}.
 */
final class MigrationBenchmark {

  /** The size. */
  static final int STANDARD_APPLICATIONS = 50;

  /** The kubelet delay. */
  static final Duration STANDARD_KUBELET_START_DELAY = Duration.ofSeconds(2);

  /** One application at a time, then the parallel run. */
  static final List<Integer> PARALLELISMS = List.of(1, 10);

  /** Objects per namespace of the generated seed: the first ten hold a Deployment and Service. */
  private static final int OBJECTS_PER_APPLICATION = 10;

  /** Applications per target node: a node of 16 cpu holds five of the largest (3 x 500m). */
  private static final int APPLICATIONS_PER_NODE = 5;

  private static final String BACKUP = "migration-benchmark";

  private final int applications;
  private final Duration kubeletStartDelay;
  private final PrintStream progress;

  /**
   * @param applications how many applications (namespaces) to migrate
   * @param kubeletStartDelay how long the target's pods take to become Ready after they start
   * @param progress where to say which phase runs; the report is returned, not printed
   */
  MigrationBenchmark(int applications, Duration kubeletStartDelay, PrintStream progress) {
    this.applications = applications;
    this.kubeletStartDelay = kubeletStartDelay;
    this.progress = progress;
  }

  /**
   * @param directory an empty directory for the sandboxes' kubeconfigs, the store, the plans and
   *     Tugboat's homes and output
   */
  MigrationBenchmarkReport run(Path directory) throws IOException, InterruptedException {
    Path backupDirectory = directory.resolve("backup");
    backUp(backupDirectory);
    Path store = backupDirectory.resolve("store");
    List<MigrationMeasurement> runs = new ArrayList<>();
    for (int parallelism : PARALLELISMS) {
      runs.add(migrate(parallelism, store, directory.resolve("migrate-" + parallelism)));
    }
    return new MigrationBenchmarkReport(
        applications, kubeletStartDelay, BackupBenchmark.MAX_HEAP, runs);
  }

  private void backUp(Path directory) throws IOException, InterruptedException {
    String seed = "generated:" + applications + "x" + OBJECTS_PER_APPLICATION;
    Path sourceDirectory = Files.createDirectories(directory.resolve("source"));
    progress.printf("migration benchmark: backing up a sandbox seeded with %s%n", seed);
    try (SandboxProcess source = SandboxProcess.start(seed, sourceDirectory)) {
      new TugboatBackupProcess(BackupBenchmark.MAX_HEAP, source.kubeconfig())
          .backUp(BACKUP, directory, source);
    }
  }

  private MigrationMeasurement migrate(int parallelism, Path store, Path directory)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    String name = "migration-benchmark-p" + parallelism;
    progress.printf("migration benchmark: tugboat migrate, parallelism %d%n", parallelism);
    try (Sandbox target =
        Sandbox.start(
            SandboxOptions.builder()
                .name(name)
                .nodes(new NodePool(nodes(), "16", "64Gi"))
                .kubeletStartDelay(kubeletStartDelay)
                .build())) {
      Path kubeconfig = target.writeKubeconfig(directory.resolve("kubeconfig"), name);
      Path plan =
          MigrationBenchmarkPlan.write(
              directory.resolve("plan.yaml"), name, BACKUP, kubeconfig, applications, parallelism);
      long nanos =
          new TugboatMigrateProcess(BackupBenchmark.MAX_HEAP, store).migrate(plan, directory);
      return measurement(parallelism, nanos, report(store, name));
    }
  }

  private int nodes() {
    return Math.max(1, applications / APPLICATIONS_PER_NODE);
  }

  private static MigrationReport report(Path store, String id) throws IOException {
    Path file =
        store.resolve("backups").resolve(BACKUP).resolve("tugboat-migration-" + id + ".json");
    return MigrationReport.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalStateException when the migration did not complete with every application
   *     Migrated
   */
  private MigrationMeasurement measurement(int parallelism, long nanos, MigrationReport report) {
    long migrated = report.count(ApplicationStatus.MIGRATED);
    if (report.phase() != MigrationPhase.COMPLETED || migrated != applications) {
      throw new IllegalStateException(
          "migration "
              + report.id()
              + " ended "
              + report.phase()
              + " with "
              + migrated
              + " of "
              + applications
              + " applications Migrated: "
              + report.toJson());
    }
    long applicationNanos = 0;
    Instant firstStart = Instant.MAX;
    Instant lastFinish = Instant.MIN;
    for (ApplicationOutcome application : report.applications()) {
      Instant started = Instant.parse(application.started());
      Instant finished = Instant.parse(application.finished());
      applicationNanos += Duration.between(started, finished).toNanos();
      firstStart = started.isBefore(firstStart) ? started : firstStart;
      lastFinish = finished.isAfter(lastFinish) ? finished : lastFinish;
    }
    return new MigrationMeasurement(
        parallelism,
        (int) migrated,
        nanos,
        applicationNanos,
        Duration.between(firstStart, lastFinish).toNanos());
  }
}
