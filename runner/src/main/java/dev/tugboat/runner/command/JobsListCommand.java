package dev.tugboat.runner.command;

import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One line per job execution, newest first. */
@Command(
    name = "list",
    description = {
      "List the job executions of the job repository, newest first: id, job, run (the backup,"
          + " restore or migration name), status, exit code, start and duration.",
      "A FAILED or STOPPED execution resumes with `tugboat jobs restart ID` (or the same command"
          + " again); a STARTED one of a killed process shows as STARTED until a restart or"
          + " `tugboat jobs stop ID` finds its owner gone."
    })
public class JobsListCommand implements Callable<Integer> {

  /** Executions read from the repository at a time. */
  private static final int PAGE = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--status",
      split = ",",
      paramLabel = "STATUS",
      description = "Only these statuses, comma-separated: ${COMPLETION-CANDIDATES}.")
  Set<BatchStatus> statuses = new LinkedHashSet<>();

  @Option(
      names = "--since",
      paramLabel = "AGE|INSTANT",
      description =
          "Only executions created since then: an age (30d, 12h, 90m) or an ISO instant"
              + " (2026-11-01T00:00:00Z).")
  String since;

  @Option(names = "--job", paramLabel = "NAME", description = "Only this job: backup, restore...")
  String job;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "At most N executions (default: ${DEFAULT-VALUE}).")
  int limit;

  private final JobRepository jobRepository;
  private final JobExecutionIndex index;

  public JobsListCommand(JobRepository jobRepository, JobExecutionIndex index) {
    this.jobRepository = jobRepository;
    this.index = index;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
    }
    JobExecutionIndex.Filter filter =
        new JobExecutionIndex.Filter(
            statuses,
            since == null ? null : PastInstant.parse(since, "--since", Clock.systemUTC()),
            null,
            job);
    List<Row> rows = new ArrayList<>();
    int offset = 0;
    while (rows.size() < limit) {
      int wanted = Math.min(PAGE, limit - rows.size());
      List<Long> ids = index.newestFirst(filter, offset, wanted);
      offset += ids.size();
      for (long id : ids) {
        JobExecution execution = jobRepository.getJobExecution(id);
        if (execution != null) { // pruned since the query
          rows.add(Row.of(execution));
        }
      }
      if (ids.size() < wanted) {
        break;
      }
    }
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(rows);
      return ExitCodes.OK;
    }
    if (rows.isEmpty()) {
      printer.line("No job executions");
      return ExitCodes.OK;
    }
    TextTable table =
        new TextTable("ID", "JOB", "RUN", "STATUS", "EXIT CODE", "STARTED", "DURATION");
    rows.forEach(
        row ->
            table.add(
                String.valueOf(row.id()),
                row.job(),
                row.run(),
                row.status(),
                row.exitCode(),
                row.started() == null ? "-" : row.started(),
                row.durationSeconds() == null ? "-" : JobTimes.duration(row.durationSeconds())));
    table.print(printer);
    return ExitCodes.OK;
  }

  /**
   * One execution; also its JSON form.
   *
   * @param exitCode Spring Batch's exit code (COMPLETED, FAILED, STOPPED, NOOP...)
   * @param started the start, in this machine's time zone; null when not started
   * @param durationSeconds from start to end, or to now while it runs; null when not started
   */
  record Row(
      long id,
      String job,
      String run,
      String status,
      String exitCode,
      String started,
      Long durationSeconds) {

    static Row of(JobExecution execution) {
      LocalDateTime start = execution.getStartTime();
      LocalDateTime end = execution.getEndTime();
      Long duration = null;
      if (start != null) {
        duration = Duration.between(start, end != null ? end : LocalDateTime.now()).toSeconds();
      }
      return new Row(
          execution.getId(),
          execution.getJobInstance().getJobName(),
          JobRunName.of(execution),
          execution.getStatus().name(),
          execution.getExitStatus().getExitCode(),
          start == null ? null : JobTimes.format(start),
          duration);
    }
  }
}
