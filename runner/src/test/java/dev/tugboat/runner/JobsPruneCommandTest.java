package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.jobs.JobRunStarter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * {@code tugboat jobs prune} deletes finished executions and the instances they leave empty, and
 * never a running one. A class of its own: it prunes the whole repository.
 */
class JobsPruneCommandTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  /** Jobs held at a gate must not occupy a shared pool's only thread (on a 2-core machine). */
  private static final Executor THREAD_PER_TASK = task -> new Thread(task).start();

  @Test
  void deletesFinishedExecutionsAndEmptiedInstancesButNotARunningOne() throws Exception {
    JobRunStarter starter = runner.bean(JobRunStarter.class);
    JobRepository jobRepository = runner.bean(JobRepository.class);
    // Two executions of one instance: stopped, then completed on restart.
    GatedCountingJob held = new GatedCountingJob(4, 3);
    CompletableFuture<JobExecution> first =
        CompletableFuture.supplyAsync(() -> run(starter, held, "twice"), THREAD_PER_TASK);
    held.awaitHeld();
    JobExecution stopping = jobRepository.findRunningJobExecutions("prune").iterator().next();
    assertThat(runner.run("jobs", "stop", stopping.getId() + "").exitCode()).isZero();
    held.release();
    assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(run(starter, new GatedCountingJob(4, 0), "twice").getStatus())
        .isEqualTo(BatchStatus.COMPLETED);
    run(starter, new GatedCountingJob(1, 0), "once");
    GatedCountingJob running = new GatedCountingJob(4, 1);
    CompletableFuture<JobExecution> still =
        CompletableFuture.supplyAsync(() -> run(starter, running, "running"), THREAD_PER_TASK);
    running.awaitHeld();

    assertThat(runner.run("jobs", "prune", "--older-than", "1h").out())
        .startsWith("Deleted 0 job executions and 0 job instances that ended before ");
    RunnerFixture.Result dryRun = runner.run("jobs", "prune", "--older-than", "0s", "--dry-run");
    assertThat(dryRun.out()).startsWith("Would delete 3 job executions and 2 job instances");
    assertThat(runner.run("jobs", "list").out().lines().count()).isEqualTo(1 + 4);

    RunnerFixture.Result pruned =
        runner.run("jobs", "prune", "--older-than", "0s", "--output", "json");

    assertThat(pruned.exitCode()).as(pruned.err()).isZero();
    assertThat(pruned.out().replaceAll("\\s", ""))
        .isEqualTo("{\"dryRun\":false,\"executions\":3,\"instances\":2}");
    assertThat(runner.run("jobs", "list").out())
        .containsPattern("\n\\d+ +prune +running +STARTED ")
        .hasLineCount(2);
    assertThat(jobRepository.getJobInstance("prune", parameters("twice"))).isNull();
    running.release();
    assertThat(still.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  private static JobExecution run(JobRunStarter starter, GatedCountingJob job, String run) {
    try {
      return starter.run(job.build("prune", runner), parameters(run));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JobParameters parameters(String run) {
    return new JobParametersBuilder().addString("prune", run).toJobParameters();
  }
}
