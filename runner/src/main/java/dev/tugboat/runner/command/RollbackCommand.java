package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.restore.migrate.rollback.ApplicationRollback;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackJobFactory;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackReport;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackRun;
import dev.tugboat.restore.migrate.rollback.SnapshotDifference;
import dev.tugboat.restore.rollback.RollbackPhase;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat rollback}: undoes a migration in both clusters, or resumes its rollback. */
@Command(
    name = "rollback",
    description = {
      "Undo a migration: in the target, each application's restore is rolled back from its item"
          + " ledger (sheddable tier first; in Karmada mode the application's policies are first set"
          + " to preserve the member cluster's objects, then its templates and policies deleted);"
          + " in an online migration's source, quiesced workloads get their recorded replicas and"
          + " suspend back, and objects deleted at cutover are created again from the restart-point"
          + " backup. The source is then compared with that backup, object by object.",
      "`tugboat migration describe ID` shows the rollback's phase (RollingBack, RolledBack,"
          + " FailedRollback). Refused (exit code 4) when the migration is unknown, still running or"
          + " its records are missing. After a crash, run the same command again: it resumes. Exit"
          + " code 3 when something could not be undone or the source differs from its snapshot.",
      ""
    })
public class RollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MIGRATION_ID", description = "The migration to undo.")
  String id;

  @Option(
      names = "--dry-run",
      description =
          "Only read the clusters and print what would be deleted, put back and left alone;"
              + " nothing is written, to either cluster or the store.")
  boolean dryRun;

  private final JobRunStarter starter;
  private final MigrationRollbackJobFactory jobs;
  private final JobRepository jobRepository;

  public RollbackCommand(
      MigrationRollbackJobFactory jobs, JobRunStarter starter, JobRepository jobRepository) {
    this.jobs = jobs;
    this.starter = starter;
    this.jobRepository = jobRepository;
  }

  @Override
  public Integer call() throws Exception {
    String store = Stores.uri(Globals.of(spec));
    MigrationRollbackRun run =
        new MigrationRollbackRun(id, store, dryRun ? UUID.randomUUID().toString() : null);
    JobExecution execution;
    try {
      execution = starter.run(jobs.create(run), run.toJobParameters());
    } catch (RunAlreadyCompletedException done) {
      // Rolled back before: show that rollback's report again.
      return report(
          MigrationRollbackJobFactory.lastReport(jobRepository, id, store).orElseThrow(() -> done));
    }
    Optional<MigrationRollbackReport> report = MigrationRollbackJobFactory.reportOf(execution);
    if (execution.getStatus() != BatchStatus.COMPLETED || report.isEmpty()) {
      return failure(execution);
    }
    return report(report.get());
  }

  private int failure(JobExecution execution) {
    Optional<Throwable> refusal =
        ExitCodes.preconditionFailure(execution, Set.of(MigrationRollbackJobFactory.CHECK_STEP));
    String reason = refusal.map(ExitCodes::message).orElseGet(() -> ExitCodes.failureOf(execution));
    if (Globals.of(spec).output() == OutputFormat.json) {
      new Printer(spec)
          .json(new MigrateCommand.Failure(id, execution.getStatus().toString(), reason));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (refusal.isPresent()) {
      err.println("tugboat: " + reason);
      return ExitCodes.PRECONDITION;
    }
    err.println(
        "tugboat: rollback of migration '"
            + id
            + "' "
            + execution.getStatus().toString().toLowerCase(Locale.ROOT)
            + ": "
            + reason
            + "; run the same command again to resume it");
    return ExitCodes.FAILED;
  }

  private int report(MigrationRollbackReport report) {
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(report);
    } else {
      print(printer, report);
    }
    return report.phase().equals(RollbackPhase.ROLLED_BACK.displayName())
        ? ExitCodes.OK
        : ExitCodes.PARTIAL;
  }

  /** The report as text: a table of applications, their failures, then the source's comparison. */
  static void print(Printer printer, MigrationRollbackReport report) {
    printer.line(
        "%s of migration %s (%s)%s; source: %s",
        report.dryRun() ? "Dry run of the rollback" : "Rollback",
        report.migration(),
        report.mode(),
        report.dryRun() ? ", nothing written" : ": " + report.phase(),
        report.snapshot());
    TextTable table =
        new TextTable(
            "APPLICATION",
            "TIER",
            "DELETED",
            "PUT BACK",
            "LEFT ALONE",
            "FAILED",
            "UNQUIESCED",
            "RECREATED");
    for (ApplicationRollback application : report.applications()) {
      table.add(
          application.name(),
          Integer.toString(application.tier()),
          Long.toString(application.count("deleted")),
          Long.toString(application.count("put-back")),
          Long.toString(application.count("left-alone")),
          Long.toString(application.count("failed")),
          Long.toString(application.unquiesced()),
          Long.toString(application.recreated()));
    }
    table.print(printer);
    for (ApplicationRollback application : report.applications()) {
      if (!application.karmada().isEmpty()) {
        printer.line("%s: Karmada: %s", application.name(), application.karmada());
      }
      application
          .failures()
          .forEach(failure -> printer.line("%s: %s", application.name(), failure));
    }
    for (SnapshotDifference difference : report.differences()) {
      printer.line(
          "differs from the snapshot: %s %s/%s: %s",
          difference.kind(),
          difference.namespace(),
          difference.name(),
          String.join("; ", difference.fields()));
    }
  }
}
