package dev.tugboat.core.jobs;

import static dev.tugboat.core.jobs.CountingJobApplication.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up decisions on an in-memory job repository: executions "left running" are made by
 * hand, with the lease (or none) a live or a dead owner would have left.
 */
class JobRunStarterTest {

  private static final JobRunProperties PROPERTIES =
      new JobRunProperties(Duration.ofSeconds(10), Duration.ofSeconds(30));
  private static final RunOwner OTHER_HOST_OWNER = new RunOwner(4242, "other-host");

  private static ConfigurableApplicationContext context;
  private static JobRepository jobRepository;
  private static JobOperator jobOperator;
  private static RunLeaseRepository leases;
  private static Job job;

  @BeforeAll
  static void startApplication() {
    SpringApplication application = new SpringApplication(CountingJobApplication.class);
    application.setDefaultProperties(CountingJobApplication.RUNNER_PROPERTIES);
    context =
        application.run(
            "--spring.datasource.url=jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1",
            "--counting.items=3",
            "--logging.level.root=WARN");
    jobRepository = context.getBean(JobRepository.class);
    jobOperator = context.getBean(JobOperator.class);
    leases = context.getBean(RunLeaseRepository.class);
    job = context.getBean(Job.class);
  }

  @AfterAll
  static void stopApplication() {
    context.close();
  }

  @Test
  void startsAFreshRunAndLeasesItWhileItRuns() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    AtomicReference<Optional<RunLease>> leaseDuringRun = new AtomicReference<>();
    Job probe =
        new Job() {
          @Override
          public String getName() {
            return "probe";
          }

          @Override
          public void execute(JobExecution execution) {
            leaseDuringRun.set(leases.find(execution.getId()));
            execution.setStatus(BatchStatus.COMPLETED);
            jobRepository.update(execution);
          }
        };

    JobExecution execution = starterAt(now).run(probe, parameters("fresh"));

    assertThat(leaseDuringRun.get())
        .contains(new RunLease(execution.getId(), RunOwner.current(), now));
    assertThat(leases.find(execution.getId())).as("released at the end").isEmpty();
  }

  @Test
  void refusesARunWhoseOwnerRenewsItsLease() {
    JobExecution running = leftRunning("alive");
    Instant now = Instant.now();
    leases.insert(new RunLease(running.getId(), OTHER_HOST_OWNER, now.minusSeconds(5)));

    assertThatThrownBy(() -> starterAt(now).run(job, parameters("alive")))
        .isInstanceOf(RunInProgressException.class)
        .hasMessage(
            "job 'counting' (runId=alive) is already running (execution %d, STARTED): owner"
                + " 4242@other-host renewed its lease 5 s ago",
            running.getId());
    assertThat(jobRepository.getJobExecution(running.getId()).getStatus())
        .isEqualTo(BatchStatus.STARTED);
    assertThat(jobRepository.getJobExecutions(running.getJobInstance())).hasSize(1);
  }

  @Test
  void recoversAndRestartsARunWhoseHeartbeatIsStale() throws Exception {
    JobExecution stuck = leftRunning("stale");
    Instant now = Instant.now();
    leases.insert(new RunLease(stuck.getId(), OTHER_HOST_OWNER, now.minusSeconds(31)));

    JobExecution restarted = starterAt(now).run(job, parameters("stale"));

    assertRecoveredThenCompleted(stuck, restarted);
  }

  @Test
  void recoversARunWhoseProcessOnThisHostHasEnded() throws Exception {
    JobExecution stuck = leftRunning("dead-pid");
    Instant now = Instant.now();
    RunOwner ended = new RunOwner(OwnerCheckTest.endedProcessId(), RunOwner.current().host());
    leases.insert(new RunLease(stuck.getId(), ended, now.minusSeconds(1)));

    JobExecution restarted = starterAt(now).run(job, parameters("dead-pid"));

    assertRecoveredThenCompleted(stuck, restarted);
  }

  @Test
  void withoutLeaseWaitsForSpringBatchUpdatesToGoStale() throws Exception {
    JobExecution stuck = leftRunning("no-lease");

    assertThatThrownBy(() -> starterAt(Instant.now()).run(job, parameters("no-lease")))
        .isInstanceOf(RunInProgressException.class)
        .hasMessageContaining("an unknown process (no lease) updated it");

    JobExecution restarted =
        starterAt(Instant.now().plusSeconds(60)).run(job, parameters("no-lease"));

    assertRecoveredThenCompleted(stuck, restarted);
  }

  @Test
  void refusesToRunACompletedRunAgain() throws Exception {
    JobExecution completed = starterAt(Instant.now()).run(job, parameters("done"));
    assertThat(completed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThatThrownBy(() -> starterAt(Instant.now()).run(job, parameters("done")))
        .isInstanceOf(RunAlreadyCompletedException.class)
        .hasMessage(
            "job 'counting' (runId=done) already completed (execution %d); use a new name or run"
                + " id to run it again",
            completed.getId());
  }

  private static JobRunStarter starterAt(Instant now) {
    Clock clock = Clock.fixed(now, ZoneId.systemDefault());
    return new JobRunStarter(jobOperator, jobRepository, leases, PROPERTIES, clock);
  }

  /** What a process killed in the middle of the first chunk leaves in the job repository. */
  private static JobExecution leftRunning(String runId) {
    JobParameters parameters = parameters(runId);
    JobInstance instance = jobRepository.createJobInstance(job.getName(), parameters);
    JobExecution execution =
        jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
    execution.setStartTime(LocalDateTime.now());
    execution.setStatus(BatchStatus.STARTED);
    jobRepository.update(execution);
    StepExecution step = jobRepository.createStepExecution("count", execution);
    step.setStatus(BatchStatus.STARTED);
    jobRepository.update(step);
    return execution;
  }

  private static void assertRecoveredThenCompleted(JobExecution stuck, JobExecution restarted) {
    JobExecution recovered = jobRepository.getJobExecution(stuck.getId());
    assertThat(recovered.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(recovered.getEndTime()).isNotNull();
    assertThat(recovered.getStepExecutions())
        .extracting(StepExecution::getStatus)
        .containsExactly(BatchStatus.FAILED);
    assertThat(leases.find(stuck.getId())).isEmpty();

    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(restarted.getJobInstanceId()).isEqualTo(stuck.getJobInstanceId());
    assertThat(restarted.getStepExecutions())
        .extracting(StepExecution::getReadCount)
        .containsExactly(3L);
    assertThat(jobRepository.getJobExecutions(stuck.getJobInstance())).hasSize(2);
  }
}
