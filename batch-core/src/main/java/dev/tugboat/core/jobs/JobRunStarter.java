package dev.tugboat.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
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
  private final LocalRuns localRuns = new LocalRuns();

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
        new LeasedJob(
            job, leases, RunOwner.current(), clock, properties.heartbeatInterval(), localRuns);
    try {
      return jobOperator.start(leasedJob, parameters);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new RunInProgressException(
          run + " was started by another process at the same moment", e);
    }
  }

  /**
   * Stops a running execution of any process: asks its owner to stop it at the next chunk or step
   * boundary (it then ends STOPPED, restartable), or, when the owner is provably gone and so will
   * never notice, marks it FAILED at once so that it can be restarted.
   *
   * @throws JobExecutionNotRunningException when the execution has already ended
   */
  public StopResult stop(JobExecution execution) throws JobExecutionNotRunningException {
    if (!execution.isRunning()) {
      throw new JobExecutionNotRunningException(
          "job execution " + execution.getId() + " is not running: it is " + execution.getStatus());
    }
    OwnerCheck.Verdict verdict = check(execution);
    if (verdict.ownerGone()) {
      recover(describe(execution), execution, verdict);
      return new StopResult(BatchStatus.FAILED, verdict.explanation());
    }
    jobOperator.stop(execution);
    return new StopResult(BatchStatus.STOPPING, verdict.explanation());
  }

  /**
   * Asks every execution this process runs to stop at its next chunk or step boundary, and waits
   * for them to end (STOPPED, so that the same command resumes them). For a termination signal: the
   * grace must end before the orchestrator's kill.
   *
   * @return the ids of the executions asked to stop; empty when none ran
   * @throws InterruptedException when interrupted while waiting
   */
  public List<Long> stopLocalRuns(Duration grace) throws InterruptedException {
    List<Long> stopped = new ArrayList<>();
    for (JobExecution running : localRuns.snapshot()) {
      // A fresh copy, as another process would stop it: the running job keeps its own object.
      JobExecution stored = jobRepository.getJobExecution(running.getId());
      try {
        if (stored != null) {
          jobOperator.stop(stored);
          stopped.add(running.getId());
        }
      } catch (JobExecutionNotRunningException e) {
        // It ended meanwhile: nothing to stop.
      }
    }
    if (!stopped.isEmpty() && !localRuns.awaitNone(grace)) {
      log.warn(
          "Job executions {} had not stopped after {} s; they stay STOPPING until a later start"
              + " finds this process gone and recovers them",
          stopped,
          grace.toSeconds());
    }
    return stopped;
  }

  private void recoverIfOwnerGone(String run, JobExecution execution) {
    OwnerCheck.Verdict verdict = check(execution);
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
    recover(run, execution, verdict);
  }

  private OwnerCheck.Verdict check(JobExecution execution) {
    return ownerCheck.check(leases.find(execution.getId()), lastUpdate(execution));
  }

  private void recover(String run, JobExecution execution, OwnerCheck.Verdict verdict) {
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

  private static String describe(JobExecution execution) {
    return describe(execution.getJobInstance().getJobName(), execution.getJobParameters());
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
