package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackPhase;
import dev.tugboat.restore.rollback.RollbackReport;
import dev.tugboat.restore.rollback.RollbackRun;
import dev.tugboat.restore.rollback.UndoOutcome;
import dev.tugboat.restore.rollback.UndoResult;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tugboat restore rollback}: undoes a finished restore, or resumes its rollback. */
@Command(
    name = "rollback",
    description = {
      "Undo a finished restore in the cluster of --kubeconfig/--context, from the item ledger the"
          + " restore kept in the store: every object it created is deleted if it still carries the"
          + " label velero.io/restore-name=NAME (dependents before owners, namespaces and CRDs last);"
          + " every object it updated or recreated gets back the image it had before the restore."
          + " Objects the restore left alone are not touched.",
      "The report (deleted, put back, left alone, failed, each with the reason) is written to the store"
          + " as restores/NAME/tugboat-rollback.json; `tugboat restore describe NAME` shows its phase.",
      "Refused (exit code 4) when the restore does not exist, has no ledger (e.g. a Velero restore) or"
          + " is still running. After a crash, run the same command again: it resumes. Exit code 3 when"
          + " some items could not be undone.",
      ""
    })
public class RestoreRollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The restore to roll back.")
  String name;

  @Mixin RateOptions rate;

  @Option(
      names = "--dry-run",
      description =
          "Only read the cluster and print what would be deleted, put back and left alone; nothing is"
              + " written, to the cluster or the store.")
  boolean dryRun;

  private final JobRunStarter starter;
  private final RollbackJobFactory jobs;
  private final Path home;

  public RestoreRollbackCommand(
      RollbackJobFactory jobs, JobRunStarter starter, @Value("${tugboat.home}") String home) {
    this.jobs = jobs;
    this.starter = starter;
    this.home = Path.of(home);
  }

  @Override
  public Integer call() throws Exception {
    Globals globals = Globals.of(spec);
    RollbackRun run =
        new RollbackRun(
            name,
            Stores.uri(globals),
            globals.kubeconfig(),
            globals.context(),
            rate.qps(),
            rate.burst(),
            RollbackRun.DEFAULT_CHUNK_SIZE,
            home.resolve("work"),
            dryRun ? UUID.randomUUID().toString() : null);
    JobExecution execution = starter.run(jobs.create(run), run.toJobParameters());
    try {
      Optional<RollbackReport> report = RollbackJobFactory.reportOf(execution);
      if (execution.getStatus() != BatchStatus.COMPLETED || report.isEmpty()) {
        return reportFailure(execution);
      }
      return reportRollback(report.get());
    } finally {
      if (dryRun) {
        RollbackJobFactory.discardDryRun(run);
      }
    }
  }

  private int reportFailure(JobExecution execution) {
    Optional<Throwable> refusal =
        ExitCodes.preconditionFailure(execution, Set.of(RollbackJobFactory.CHECK_STEP));
    String reason = refusal.map(ExitCodes::message).orElseGet(() -> ExitCodes.failureOf(execution));
    if (Globals.of(spec).output() == OutputFormat.json) {
      new Printer(spec)
          .json(
              new RestoreCreateCommand.Failure(
                  name, execution.getStatus().toString(), reason, execution.getId()));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (refusal.isPresent()) {
      err.println("tugboat: " + reason);
      return ExitCodes.PRECONDITION;
    }
    err.println(
        "tugboat: rollback of restore '"
            + name
            + "' "
            + execution.getStatus().toString().toLowerCase(Locale.ROOT)
            + ": "
            + reason
            + "; run the same command again to resume it");
    return ExitCodes.FAILED;
  }

  private int reportRollback(RollbackReport report) {
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(report);
    } else {
      for (UndoOutcome outcome : report.outcomes()) {
        if (report.dryRun()
            || outcome.result() != UndoResult.DELETED
            || !outcome.reason().isEmpty()) {
          printer.line(line(outcome));
        }
      }
      printer.line(
          "%s of restore %s%s: %d deleted, %d put back, %d left alone, %d failed",
          report.dryRun() ? "Dry run of the rollback" : "Rollback",
          report.restore(),
          report.dryRun() ? " (nothing written)" : " " + report.phase(),
          report.count(UndoResult.DELETED),
          report.count(UndoResult.PUT_BACK),
          report.count(UndoResult.LEFT_ALONE),
          report.count(UndoResult.FAILED));
    }
    return report.phase().equals(RollbackPhase.ROLLED_BACK.displayName())
        ? ExitCodes.OK
        : ExitCodes.PARTIAL;
  }

  /** E.g. {@code deleted v1/ConfigMap shop/settings} or {@code left-alone ...: reason}. */
  static String line(UndoOutcome outcome) {
    return String.format(
        Locale.ROOT,
        "%-10s  %s/%s %s%s",
        outcome.result().word(),
        outcome.apiVersion(),
        outcome.kind(),
        outcome.namespace().isEmpty() ? outcome.name() : outcome.namespace() + "/" + outcome.name(),
        outcome.reason().isEmpty() ? "" : ": " + outcome.reason());
  }
}
