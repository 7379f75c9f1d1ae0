package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.RunLeaseRepository;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Deletes old finished job executions, and the job instances they leave empty. */
@Command(
    name = "prune",
    description = {
      "Delete from the job repository the finished job executions (COMPLETED, FAILED, STOPPED,"
          + " ABANDONED) that ended before --older-than, with their steps, and the job instances"
          + " left without executions. Running executions are never deleted.",
      "A pruned FAILED or STOPPED run can no longer resume: the same command then starts it over."
    })
public class JobsPruneCommand implements Callable<Integer> {

  static final Set<BatchStatus> FINISHED =
      Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  private static final int PAGE = 500;

  @Spec CommandSpec spec;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "AGE|INSTANT",
      description = "Executions that ended before then: an age (30d, 12h) or an ISO instant.")
  String olderThan;

  @Option(names = "--dry-run", description = "Only count what would be deleted.")
  boolean dryRun;

  private final JobRepository jobRepository;
  private final JobExecutionIndex index;
  private final RunLeaseRepository leases;

  public JobsPruneCommand(
      JobRepository jobRepository, JobExecutionIndex index, RunLeaseRepository leases) {
    this.jobRepository = jobRepository;
    this.index = index;
    this.leases = leases;
  }

  @Override
  public Integer call() {
    Instant cutoff = PastInstant.parse(olderThan, "--older-than", Clock.systemUTC());
    Set<Long> prunable = prunableIds(cutoff);
    Map<Long, JobInstance> instances = new LinkedHashMap<>();
    List<JobExecution> executions = new ArrayList<>();
    for (long id : prunable) {
      JobExecution execution = jobRepository.getJobExecution(id);
      if (execution != null) {
        executions.add(execution);
        instances.put(execution.getJobInstance().getInstanceId(), execution.getJobInstance());
      }
    }
    List<JobInstance> emptied =
        instances.values().stream()
            .filter(
                instance ->
                    jobRepository.getJobExecutions(instance).stream()
                        .allMatch(execution -> prunable.contains(execution.getId())))
            .toList();
    if (!dryRun) {
      for (JobExecution execution : executions) {
        jobRepository.deleteJobExecution(execution);
        leases.delete(execution.getId());
      }
      // Their executions are gone: this deletes the instances alone.
      emptied.forEach(jobRepository::deleteJobInstance);
    }
    Result result = new Result(dryRun, executions.size(), emptied.size());
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(result);
    } else {
      printer.line(
          "%s %d job executions and %d job instances that ended before %s",
          dryRun ? "Would delete" : "Deleted", result.executions(), result.instances(), cutoff);
    }
    return ExitCodes.OK;
  }

  private Set<Long> prunableIds(Instant cutoff) {
    JobExecutionIndex.Filter filter = new JobExecutionIndex.Filter(FINISHED, null, cutoff, null);
    Set<Long> ids = new HashSet<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Long> page = index.newestFirst(filter, offset, PAGE);
      ids.addAll(page);
      if (page.size() < PAGE) {
        return ids;
      }
    }
  }

  /**
   * The JSON result.
   *
   * @param executions executions deleted, or that would be with --dry-run
   * @param instances job instances deleted with their last execution
   */
  record Result(boolean dryRun, int executions, int instances) {}
}
