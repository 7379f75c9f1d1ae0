package dev.tugboat.runner.command;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.CapacityReportText;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.capacity.snapshot.SourceObjects;
import dev.tugboat.restore.migrate.ApplicationPlan;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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
    SourceObjects source = readSource(connector);
    CapacityPlan capacity =
        CapacityAnalysis.plan(plan, source, connector.connect(run.targetSettings()).apiClient());
    List<ApplicationPlan> applications = ApplicationPlan.of(plan, capacity);
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(
          new Json(
              run.id(),
              JsonParser.parseString(capacity.toJson()).getAsJsonObject(),
              applications,
              cutover()));
      return capacity.verdict().exitCode();
    }
    printer.line("Dry run of migration %s (nothing written)", run.id());
    spec.commandLine().getOut().print(CapacityReportText.render(capacity));
    for (ApplicationPlan application : applications) {
      printer.line(
          "Application %s (tier %d)%s: namespaces %s",
          application.name(),
          application.tier(),
          application.deferred() ? ", deferred" : "",
          String.join(", ", application.namespaces().stream().map(plan::targetNamespace).toList()));
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
    return capacity.verdict().exitCode() == ExitCodes.OK ? ExitCodes.OK : ExitCodes.PARTIAL;
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

  private SourceObjects readSource(ClusterConnector connector) throws IOException {
    if (run.online()) {
      return CapacityAnalysis.readSource(
          run.plan(), connector.connect(run.sourceSettings()).apiClient());
    }
    BackupSource published =
        BackupSource.published(BackupStores.open(run.store()), run.sourceBackup());
    Files.createDirectories(run.workFolder());
    try (SpooledBackup spooled =
        new ArchiveSpooler()
            .spool(published, Files.createTempDirectory(run.workFolder(), "dry-run-"))) {
      return CapacityAnalysis.readSource(run.plan(), spooled);
    }
  }

  /** The dry run as JSON. */
  record Json(
      String migration, JsonObject capacity, List<ApplicationPlan> applications, String cutover) {}
}
