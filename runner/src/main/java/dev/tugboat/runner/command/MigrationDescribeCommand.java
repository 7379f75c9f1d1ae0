package dev.tugboat.runner.command;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackJobFactory;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackReport;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import dev.tugboat.runner.Stores;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A migration's report, or how far it got. */
@Command(
    name = "describe",
    description =
        "Show a migration's report: its phase, each application's tier, status, replicas and every"
            + " decision with its reason, and the cutover. A migration without a report (running,"
            + " or stopped by a failure) shows its job's status and the failure. A migration rolled"
            + " back (`tugboat rollback ID`) also shows its rollback: its phase (RollingBack,"
            + " RolledBack, FailedRollback) and report.")
public class MigrationDescribeCommand implements Callable<Integer> {

  private static final Gson GSON = new Gson();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The migration's id (its plan's name).")
  String id;

  private final JobRepository jobRepository;

  public MigrationDescribeCommand(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
  }

  @Override
  public Integer call() {
    Globals globals = Globals.of(spec);
    JobInstance instance =
        jobRepository.getJobInstance(
            MigrationJobFactory.JOB_NAME, MigrationRun.identity(id, Stores.uri(globals)));
    JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
    if (last == null) {
      throw new IllegalArgumentException(
          "no migration '" + id + "' with the store " + Stores.uri(globals));
    }
    Optional<MigrationReport> report = MigrationJobFactory.reportOf(last);
    Optional<String> rollbackPhase =
        MigrationRollbackJobFactory.phaseOf(jobRepository, id, Stores.uri(globals));
    Optional<MigrationRollbackReport> rollback =
        MigrationRollbackJobFactory.lastReport(jobRepository, id, Stores.uri(globals));
    Printer printer = new Printer(spec);
    if (globals.output() == OutputFormat.json) {
      JsonObject json =
          report.isPresent()
              ? JsonParser.parseString(report.get().toJson()).getAsJsonObject()
              : GSON.toJsonTree(
                      new MigrateCommand.Failure(
                          id, last.getStatus().toString(), ExitCodes.failureOf(last)))
                  .getAsJsonObject();
      rollbackPhase.ifPresent(phase -> json.addProperty("rollbackPhase", phase));
      rollback.ifPresent(
          done -> json.add("rollback", JsonParser.parseString(done.toJson()).getAsJsonObject()));
      printer.json(json);
      return ExitCodes.OK;
    }
    if (report.isPresent()) {
      MigrationText.print(printer, report.get());
    } else {
      printer.line(
          "Migration %s: job %s, no report yet: %s",
          id, last.getStatus(), ExitCodes.failureOf(last));
    }
    if (rollback.isPresent()) {
      RollbackCommand.print(printer, rollback.get());
    } else {
      rollbackPhase.ifPresent(
          phase ->
              printer.line(
                  "Rollback: %s (not finished: `tugboat rollback %s` resumes it)", phase, id));
    }
    return ExitCodes.OK;
  }
}
