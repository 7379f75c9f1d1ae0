package dev.tugboat.core.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts a job so that running the same command again after a crash restarts it.
 *
 * <p>A job instance is the job name plus its identifying parameters. Before starting, this looks at
 * the instance's executions:
 *
 * <ul>
 *   <li>none: a fresh start;
 *   <li>FAILED or STOPPED: Spring Batch restarts it from its last committed chunk;
 *   <li>COMPLETED: {@link RunAlreadyCompletedException};
 *   <li>STARTING, STARTED or STOPPING: if its owner is provably gone (see {@link OwnerCheck}), the
 *       execution is marked FAILED with {@link JobOperator#recover} and then restarted; otherwise
 *       {@link RunInProgressException} naming the owner.
 * </ul>
 *
 * <p>Every execution started here holds a lease renewed by a heartbeat while it runs (see {@link
 * RunLeaseRepository}), which is what lets a later start tell a killed run from a live one.
 */
public class JobRunStarter {

  private static final Logger log = LoggerFactory.getLogger(JobRunStarter.class);

  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final RunLeaseRepository leases;
  private final JobRunProperties properties;
  private final Clock clock;
  private final OwnerCheck ownerCheck;

  public JobRunStarter(
      JobOperator jobOperator,
      JobRepository jobRepository,
      RunLeaseRepository leases,
      JobRunProperties properties,
      Clock clock) {
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.leases = leases;
    this.properties = properties;
    this.clock = clock;
    this.ownerCheck = new OwnerCheck(clock, properties.staleAfter(), RunOwner.current());
  }

  /**
   * Starts or restarts the job instance identified by the job's name and these parameters.
   *
   * @return the new execution; finished unless the job operator runs jobs asynchronously
   * @throws RunInProgressException when a live process runs this instance
   * @throws RunAlreadyCompletedException when this instance completed earlier
   * @throws JobExecutionException when Spring Batch refuses the start for another reason, e.g.
   *     invalid parameters or an abandoned instance
   */
  public JobExecution run(Job job, JobParameters parameters) throws JobExecutionException {
    String run = describe(job.getName(), parameters);
    JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
    if (instance != null) {
      for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
          throw new RunAlreadyCompletedException(
              run
                  + " already completed (execution "
                  + execution.getId()
                  + "); use a new name or run id to run it again");
        }
        if (execution.isRunning()) {
          recoverIfOwnerGone(run, execution);
        }
      }
    }
    Job leasedJob =
        new LeasedJob(job, leases, RunOwner.current(), clock, properties.heartbeatInterval());
    try {
      return jobOperator.start(leasedJob, parameters);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new RunInProgressException(
          run + " was started by another process at the same moment", e);
    }
  }

  private void recoverIfOwnerGone(String run, JobExecution execution) {
    OwnerCheck.Verdict verdict =
        ownerCheck.check(leases.find(execution.getId()), lastUpdate(execution));
    if (!verdict.ownerGone()) {
      throw new RunInProgressException(
          run
              + " is already running (execution "
              + execution.getId()
              + ", "
              + execution.getStatus()
              + "): "
              + verdict.explanation());
    }
    log.info(
        "Recovering execution {} of {}, left {}: {}",
        execution.getId(),
        run,
        execution.getStatus(),
        verdict.explanation());
    jobOperator.recover(execution);
    leases.delete(execution.getId());
  }

  /**
   * The latest time Spring Batch wrote to the execution or its steps (a chunk step updates its step
   * execution at every commit). Spring Batch stores local times of the writing JVM's zone.
   */
  private Instant lastUpdate(JobExecution execution) {
    Stream<LocalDateTime> stepUpdates =
        execution.getStepExecutions().stream().map(StepExecution::getLastUpdated);
    return Stream.concat(
            Stream.of(execution.getCreateTime(), execution.getLastUpdated()), stepUpdates)
        .filter(Objects::nonNull)
        .max(LocalDateTime::compareTo)
        .orElseThrow()
        .atZone(clock.getZone())
        .toInstant();
  }

  /** E.g. {@code job 'backup' (runId=nightly-1)}, with the identifying parameters only. */
  private static String describe(String jobName, JobParameters parameters) {
    String identifying =
        parameters.getIdentifyingParameters().stream()
            .map(parameter -> parameter.name() + "=" + parameter.value())
            .sorted()
            .collect(Collectors.joining(", "));
    return "job '" + jobName + "' (" + identifying + ")";
  }
}
