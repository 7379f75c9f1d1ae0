package dev.tugboat.core.jobs;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParametersIncrementer;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Runs a job while holding a lease on its execution. Wrapping the job, rather than adding a
 * listener to it, makes every job started by {@link JobRunStarter} leased without its author doing
 * anything: the execution id is known only once Spring Batch calls {@link #execute}.
 */
final class LeasedJob implements Job {

  private static final Logger log = LoggerFactory.getLogger(LeasedJob.class);

  private final Job job;
  private final RunLeaseRepository leases;
  private final RunOwner owner;
  private final Clock clock;
  private final Duration heartbeatInterval;
  private final LocalRuns localRuns;

  LeasedJob(
      Job job,
      RunLeaseRepository leases,
      RunOwner owner,
      Clock clock,
      Duration heartbeatInterval,
      LocalRuns localRuns) {
    this.job = job;
    this.localRuns = localRuns;
    this.leases = leases;
    this.owner = owner;
    this.clock = clock;
    this.heartbeatInterval = heartbeatInterval;
  }

  /**
   * If the lease cannot be written the exception propagates and the execution stays STARTING
   * without a lease: a later start recovers it once Spring Batch's last update is stale.
   */
  @Override
  public void execute(JobExecution execution) throws JobInterruptedException {
    long executionId = execution.getId();
    leases.insert(new RunLease(executionId, owner, clock.instant()));
    LeaseHeartbeat heartbeat =
        LeaseHeartbeat.start(leases, executionId, owner, clock, heartbeatInterval);
    localRuns.add(execution);
    try {
      job.execute(execution);
    } finally {
      localRuns.remove(execution);
      heartbeat.stop();
      release(executionId);
    }
  }

  /** A lease left behind is harmless, since leases are only read for running executions. */
  private void release(long executionId) {
    try {
      leases.delete(executionId);
    } catch (RuntimeException e) {
      log.warn(
          "Could not delete the lease of finished job execution {}: {}", executionId, e.toString());
    }
  }

  @Override
  public String getName() {
    return job.getName();
  }

  @Override
  public boolean isRestartable() {
    return job.isRestartable();
  }

  @Override
  public JobParametersIncrementer getJobParametersIncrementer() {
    return job.getJobParametersIncrementer();
  }

  @Override
  public JobParametersValidator getJobParametersValidator() {
    return job.getJobParametersValidator();
  }

  @Override
  public String toString() {
    return job.toString();
  }
}
