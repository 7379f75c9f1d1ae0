package dev.tugboat.restore.job;

import dev.tugboat.backup.collect.StagedSegmentCount;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * How many ledger chunks a step of the restore committed, read from its last execution: on a
 * restarted job, a step completed by an earlier attempt is not run again, and its count is in that
 * attempt's step execution.
 */
final class LedgerCounts {

  private LedgerCounts() {}

  static StagedSegmentCount of(JobRepository jobRepository, JobExecution job, String step) {
    StepExecution last = jobRepository.getLastStepExecution(job.getJobInstance(), step);
    return last == null
        ? StagedSegmentCount.EMPTY
        : StagedSegmentCount.from(last.getExecutionContext());
  }
}
