package dev.tugboat.runner.command;

import com.google.gson.JsonParser;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.restore.migrate.MigrationRun;
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
            + " or stopped by a failure) shows its job's status and the failure.")
public class MigrationDescribeCommand implements Callable<Integer> {

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
    Printer printer = new Printer(spec);
    if (report.isPresent()) {
      if (globals.output() == OutputFormat.json) {
        printer.json(JsonParser.parseString(report.get().toJson()).getAsJsonObject());
      } else {
        MigrationText.print(printer, report.get());
      }
      return ExitCodes.OK;
    }
    String failure = ExitCodes.failureOf(last);
    if (globals.output() == OutputFormat.json) {
      printer.json(new MigrateCommand.Failure(id, last.getStatus().toString(), failure));
    } else {
      printer.line("Migration %s: job %s, no report yet: %s", id, last.getStatus(), failure);
    }
    return ExitCodes.OK;
  }
}
