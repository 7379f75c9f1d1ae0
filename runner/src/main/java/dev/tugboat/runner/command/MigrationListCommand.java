package dev.tugboat.runner.command;

import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationReport;
import dev.tugboat.restore.migrate.rollback.MigrationRollbackJobFactory;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** One line per migration of the job repository, finished or not. */
@Command(
    name = "list",
    description =
        "List the migrations of this Tugboat home's job repository, newest first: the job's status"
            + " (a FAILED or STOPPED one resumes with `tugboat migrate --resume ID`), the"
            + " migration's phase once it has a report, its rollback's phase once `tugboat rollback"
            + " ID` ran (RollingBack, RolledBack, FailedRollback), and the start.")
public class MigrationListCommand implements Callable<Integer> {

  /** More than anyone keeps; the repository lists instances newest first. */
  private static final int MOST = 10_000;

  @Spec CommandSpec spec;

  private final JobRepository jobRepository;

  public MigrationListCommand(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
  }

  @Override
  public Integer call() {
    List<Row> rows = new ArrayList<>();
    for (JobInstance instance :
        jobRepository.getJobInstances(MigrationJobFactory.JOB_NAME, 0, MOST)) {
      JobExecution last = jobRepository.getLastJobExecution(instance);
      if (last == null) {
        continue;
      }
      String id = last.getJobParameters().getString("migration");
      String store = last.getJobParameters().getString("storeUri");
      rows.add(
          new Row(
              id,
              last.getStatus().toString(),
              MigrationJobFactory.reportOf(last)
                  .map(MigrationReport::phase)
                  .map(p -> p.word())
                  .orElse(""),
              store == null
                  ? ""
                  : MigrationRollbackJobFactory.phaseOf(jobRepository, id, store).orElse(""),
              String.valueOf(last.getStartTime())));
    }
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(rows);
      return ExitCodes.OK;
    }
    if (rows.isEmpty()) {
      printer.line("No migrations");
      return ExitCodes.OK;
    }
    TextTable table = new TextTable("ID", "STATUS", "PHASE", "ROLLBACK", "STARTED");
    rows.forEach(
        row -> table.add(row.id(), row.status(), row.phase(), row.rollback(), row.started()));
    table.print(printer);
    return ExitCodes.OK;
  }

  /**
   * One migration: its job's status, its phase (empty until it has a report) and its rollback's
   * phase (empty unless it was rolled back).
   */
  record Row(String id, String status, String phase, String rollback, String started) {}
}
