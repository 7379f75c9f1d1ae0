package dev.tugboat.runner.metrics;

import dev.tugboat.core.cluster.ApiRequestCounter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job run that ended in this process, with the Kubernetes API requests made while it ran.
 *
 * @param name the name the operator gave the run, e.g. {@code nightly}
 */
public record FinishedRun(JobExecution execution, String name, ApiRequestCounter.Counts api) {

  /**
   * Spring Batch names a partition's step execution {@code <manager step>:<partition>}; the manager
   * step adds its partitions' counts to its own, so only the steps without it count.
   */
  private static final String PARTITION_SEPARATOR = ":";

  /** E.g. {@code backup}. */
  public String jobName() {
    return execution.getJobInstance().getJobName();
  }

  /** From start to end; zero when Spring Batch recorded neither, e.g. a run refused at start. */
  public Duration duration() {
    LocalDateTime start = execution.getStartTime();
    LocalDateTime end = execution.getEndTime();
    return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
  }

  /** The job's steps, without their partitions, whose counts they already include. */
  public List<StepExecution> steps() {
    return execution.getStepExecutions().stream()
        .filter(step -> !step.getStepName().contains(PARTITION_SEPARATOR))
        .sorted((a, b) -> Long.compare(a.getId(), b.getId()))
        .toList();
  }

  /** The items written by all steps. */
  public long itemsWritten() {
    return steps().stream().mapToLong(StepExecution::getWriteCount).sum();
  }
}
