package dev.tugboat.runner.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import dev.tugboat.restore.capacity.plan.MigrationMode;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.CapacityReportText;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.capacity.snapshot.SourceObjects;
import dev.tugboat.restore.migrate.ApplicationObjects;
import dev.tugboat.restore.migrate.ApplicationPlan;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.StringJoiner;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tugboat migrate --dry-run}: the migration's plan, read from both clusters (or the backup)
 * and written nowhere: the capacity check and its downgrade, each application's workloads with the
 * replicas they would be created with, and what the cutover would do.
 */
final class MigrationDryRun {

  private final CommandSpec spec;
  private final MigrationRun run;

  MigrationDryRun(CommandSpec spec, MigrationRun run) {
    this.spec = spec;
    this.run = run;
  }

  int print() throws IOException {
    MigrationPlan plan = run.plan();
    ClusterConnector connector = new ClusterConnector();
    Source source = readSource(connector);
    // Karmada mode plans no room: the applications already run in the member cluster.
    Optional<CapacityPlan> capacity =
        plan.mode() == MigrationMode.KARMADA
            ? Optional.empty()
            : Optional.of(
                CapacityAnalysis.plan(
                    plan, source.objects(), connector.connect(run.targetSettings()).apiClient()));
    List<ApplicationPlan> applications =
        capacity
            .map(fit -> ApplicationPlan.of(plan, fit))
            .orElseGet(() -> ApplicationPlan.adopted(plan));
    int exitCode = capacity.map(fit -> exitCode(plan, fit.verdict())).orElse(ExitCodes.OK);
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(
          new Json(
              run.id(),
              capacity
                  .map(fit -> JsonParser.parseString(fit.toJson()).getAsJsonObject())
                  .orElse(null),
              applications,
              source.counts(),
              cutover()));
      return exitCode;
    }
    printer.line("Dry run of migration %s (nothing written)", run.id());
    if (capacity.isPresent()) {
      spec.commandLine().getOut().print(CapacityReportText.render(capacity.get()));
    } else {
      printer.line(
          "Capacity: not checked in Karmada mode; each application gets a PropagationPolicy"
              + " placing it in %s, where it runs",
          plan.target().karmadaMemberCluster().orElseThrow());
    }
    for (ApplicationPlan application : applications) {
      printer.line(
          "Application %s (tier %d)%s: namespaces %s",
          application.name(),
          application.tier(),
          application.deferred() ? ", deferred" : "",
          String.join(", ", application.namespaces().stream().map(plan::targetNamespace).toList()));
      printer.line("  objects: %s", objects(source.counts().get(application.name())));
      for (WorkloadResult workload : application.workloads()) {
        printer.line(
            "  %s %s/%s: %d of %d replicas",
            workload.kind(),
            workload.targetNamespace(),
            workload.name(),
            workload.plannedReplicas(),
            workload.sourceReplicas());
      }
    }
    printer.line("Cutover: %s", cutover());
    return exitCode;
  }

  /** What the migration would end with: 4 when it would stop, 3 when it would shed replicas. */
  private static int exitCode(MigrationPlan plan, Verdict verdict) {
    if (verdict.stopsMigrationUnder(plan.onInsufficientCapacity())) {
      return ExitCodes.PRECONDITION;
    }
    return verdict == Verdict.FITS ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  private String cutover() {
    if (!run.online()) {
      return "none: an offline migration never touches the source";
    }
    return switch (run.plan().cutover()) {
      case NONE -> "none";
      case QUIESCE ->
          "quiesce the source of each application that runs in the target: workloads scaled to 0,"
              + " CronJobs suspended, the originals kept in annotations";
      case DELETE ->
          "delete the source objects of each application that runs in the target, controllers"
              + " first, with orphan propagation";
    };
  }

  /** E.g. {@code 12 (2 configmaps, 1 deployments.apps, 9 pods)}. */
  private static String objects(SortedMap<String, Long> counts) {
    if (counts == null) {
      return "none";
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    StringJoiner types = new StringJoiner(", ", total + " (", ")");
    counts.forEach((type, count) -> types.add(count + " " + type));
    return types.toString();
  }

  private Source readSource(ClusterConnector connector) throws IOException {
    if (run.online()) {
      ApiClient api = connector.connect(run.sourceSettings()).apiClient();
      return new Source(
          CapacityAnalysis.readSource(run.plan(), api),
          ApplicationObjects.inCluster(run.plan(), api));
    }
    BackupSource published =
        BackupSource.published(BackupStores.open(run.store()), run.sourceBackup());
    Files.createDirectories(run.workFolder());
    try (SpooledBackup spooled =
        new ArchiveSpooler()
            .spool(published, Files.createTempDirectory(run.workFolder(), "dry-run-"))) {
      return new Source(
          CapacityAnalysis.readSource(run.plan(), spooled),
          ApplicationObjects.inBackup(run.plan(), spooled));
    }
  }

  /**
   * @param counts the objects each application would move, by type
   */
  private record Source(SourceObjects objects, SortedMap<String, SortedMap<String, Long>> counts) {}

  /**
   * The dry run as JSON.
   *
   * @param capacity null in Karmada mode, which plans no room
   */
  record Json(
      String migration,
      JsonObject capacity,
      List<ApplicationPlan> applications,
      SortedMap<String, SortedMap<String, Long>> objects,
      String cutover) {}
}
