package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunLease;
import dev.tugboat.core.jobs.RunLeaseRepository;
import dev.tugboat.core.jobs.RunOwner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;

/**
 * {@code tugboat jobs list|describe|restart|stop} on executions made by real jobs: small counting
 * jobs run through the application's {@link JobRunStarter}, and backups of a cluster nobody answers
 * for, which fail. Each test uses job names of its own, since the repository is shared.
 */
class JobsCommandsTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  /** Jobs held at a gate must not occupy a shared pool's only thread (on a 2-core machine). */
  private static final Executor THREAD_PER_TASK = task -> new Thread(task).start();

  @TempDir Path work;

  @Test
  void listsExecutionsNewestFirstAndFiltersThem() throws Exception {
    long first = count("list-a", "one", new GatedCountingJob(3, 0)).getId();
    long second = count("list-a", "two", new GatedCountingJob(3, 0)).getId();
    long other = count("list-b", "three", new GatedCountingJob(3, 0)).getId();

    JsonArray listed = json(runner.run("jobs", "list", "--job", "list-a", "--output", "json"));
    assertThat(listed).hasSize(2);
    assertThat(field(listed, "id")).containsExactly(second + "", first + "");
    assertThat(field(listed, "run")).containsExactly("two", "one");
    assertThat(field(listed, "status")).containsExactly("COMPLETED", "COMPLETED");
    assertThat(field(listed, "exitCode")).containsExactly("COMPLETED", "COMPLETED");

    JsonArray newest = json(runner.run("jobs", "list", "--limit", "1", "--output", "json"));
    assertThat(field(newest, "id")).containsExactly(other + "");
    assertThat(
            json(
                runner.run(
                    "jobs",
                    "list",
                    "--job",
                    "list-b",
                    "--status",
                    "FAILED,STOPPED",
                    "--output",
                    "json")))
        .isEmpty();
    assertThat(
            runner.run("jobs", "list", "--job", "list-a", "--since", "2999-01-01T00:00:00Z").out())
        .isEqualTo("No job executions\n");

    RunnerFixture.Result text = runner.run("jobs", "list", "--job", "list-b");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines().toList()).hasSize(2);
    assertThat(text.out())
        .startsWith("ID ")
        .containsPattern("\n" + other + " +list-b +three +COMPLETED +COMPLETED +\\d{4}-");
  }

  @Test
  void describesStepsCountsAndHidesSecretParameters() throws Exception {
    JobParameters parameters =
        new JobParametersBuilder()
            .addString("list-c", "five")
            .addString("apiToken", "s3cr3t", false)
            .toJobParameters();
    JobExecution execution =
        runner
            .bean(JobRunStarter.class)
            .run(new GatedCountingJob(5, 0).build("list-c", runner), parameters);

    RunnerFixture.Result result =
        runner.run("jobs", "describe", execution.getId() + "", "--output", "json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("s3cr3t");
    JsonObject described = JsonParser.parseString(result.out()).getAsJsonObject();
    assertThat(described.get("run").getAsString()).isEqualTo("five");
    assertThat(described.get("status").getAsString()).isEqualTo("COMPLETED");
    assertThat(described.has("owner")).isFalse();
    assertThat(described.get("parameters").toString())
        .isEqualTo(
            "[{\"name\":\"apiToken\",\"value\":\"<hidden>\",\"identifying\":false},"
                + "{\"name\":\"list-c\",\"value\":\"five\",\"identifying\":true}]");
    JsonObject step = described.getAsJsonArray("steps").get(0).getAsJsonObject();
    assertThat(step.get("name").getAsString()).isEqualTo("count");
    assertThat(step.get("read").getAsLong()).isEqualTo(5);
    assertThat(step.get("written").getAsLong()).isEqualTo(5);
    assertThat(step.get("commits").getAsLong()).isEqualTo(3);
    assertThat(step.get("restartPoint").getAsString()).isEqualTo("done");

    assertThat(runner.run("jobs", "describe", execution.getId() + "").out())
        .contains("Run:          five\n", "  apiToken=<hidden>\n")
        .containsPattern("\ncount +COMPLETED +5 +5 +0 +3 +done +-\n");
  }

  @Test
  void aStoppedExecutionEndsStoppedAtTheNextChunk() throws Exception {
    GatedCountingJob job = new GatedCountingJob(6, 4);
    CompletableFuture<JobExecution> running = start("stop-a", "held", job);
    job.awaitHeld();
    long id = runningExecution("stop-a").getId();

    RunnerFixture.Result described = runner.run("jobs", "describe", id + "", "--output", "json");
    assertThat(JsonParser.parseString(described.out()).getAsJsonObject().get("owner").getAsString())
        .isEqualTo(RunOwner.current().toString());
    RunnerFixture.Result refused = runner.run("jobs", "restart", id + "");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(refused.err())
        .isEqualTo(
            "tugboat: cannot restart job execution "
                + id
                + ": it is STARTED; only FAILED and STOPPED executions restart\n");

    RunnerFixture.Result stopped = runner.run("jobs", "stop", id + "", "--output", "json");
    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    assertThat(JsonParser.parseString(stopped.out()).getAsJsonObject().get("status").getAsString())
        .isEqualTo("STOPPING");
    job.release();

    JobExecution ended = running.get(30, TimeUnit.SECONDS);
    assertThat(ended.getStatus()).isEqualTo(BatchStatus.STOPPED);
    // It stopped after the chunk it was in: items 3 and 4, not the rest.
    assertThat(ended.getStepExecutions().iterator().next().getReadCount()).isEqualTo(4);
    JsonObject step =
        json(runner.run("jobs", "describe", id + "", "--output", "json"), "steps")
            .get(0)
            .getAsJsonObject();
    assertThat(step.get("status").getAsString()).isEqualTo("STOPPED");
    assertThat(step.get("restartPoint").getAsString()).isEqualTo("after commit 2");

    RunnerFixture.Result again = runner.run("jobs", "stop", id + "");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(again.err())
        .isEqualTo(
            "tugboat: cannot stop job execution " + id + ": it is not running, it is STOPPED\n");
  }

  /** What the SIGTERM hook does: stop this process's runs and wait until they have ended. */
  @Test
  void stoppingTheLocalRunsWaitsUntilTheyEndStopped() throws Exception {
    GatedCountingJob job = new GatedCountingJob(6, 2);
    CompletableFuture<JobExecution> running = start("stop-c", "terminated", job);
    job.awaitHeld();
    long id = runningExecution("stop-c").getId();
    JobRepository jobRepository = runner.bean(JobRepository.class);

    CompletableFuture<List<Long>> stopping = new CompletableFuture<>();
    Thread stopper =
        new Thread(
            () -> {
              try {
                stopping.complete(
                    runner.bean(JobRunStarter.class).stopLocalRuns(Duration.ofSeconds(30)));
              } catch (InterruptedException | RuntimeException e) {
                stopping.completeExceptionally(e);
              }
            });
    stopper.start();
    // Its one timed wait: the stop was asked for, and it waits for the run to end.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
    assertThat(stopping).isNotDone();
    job.release();

    assertThat(stopping.get(30, TimeUnit.SECONDS)).containsExactly(id);
    // Ended by the time stopLocalRuns returned, not later.
    assertThat(jobRepository.getJobExecution(id).getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(running.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(runner.bean(JobRunStarter.class).stopLocalRuns(Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void stoppingAnExecutionWhoseProcessIsGoneMarksItFailed() throws Exception {
    GatedCountingJob job = new GatedCountingJob(4, 2);
    CompletableFuture<JobExecution> running = start("stop-b", "orphan", job);
    job.awaitHeld();
    long id = runningExecution("stop-b").getId();
    // As a killed process on this host leaves it: a fresh lease naming a pid that has ended.
    RunLeaseRepository leases = runner.bean(RunLeaseRepository.class);
    leases.delete(id);
    RunOwner dead = new RunOwner(endedPid(), RunOwner.current().host());
    leases.insert(new RunLease(id, dead, Instant.now()));

    RunnerFixture.Result stopped = runner.run("jobs", "stop", id + "");

    assertThat(stopped.exitCode()).as(stopped.err()).isZero();
    assertThat(stopped.out())
        .isEqualTo(
            "Job execution "
                + id
                + " (stop-b orphan) was left running by a process that is gone (owner "
                + dead
                + " ran on this host and its process has ended): marked FAILED; `tugboat jobs"
                + " restart "
                + id
                + "` resumes it\n");
    assertThat(runner.bean(JobRepository.class).getJobExecution(id).getStatus())
        .isEqualTo(BatchStatus.FAILED);
    assertThat(leases.find(id)).isEmpty();
    job.release();
    running.handle((execution, failure) -> null).get(30, TimeUnit.SECONDS);
  }

  @Test
  void restartsAFailedBackupFromItsParametersAndRefusesACompletedRun() throws Exception {
    RunnerFixture.Result backup =
        runner.run(
            "backup",
            "create",
            "unreachable",
            "--kubeconfig",
            kubeconfigOfNobody().toString(),
            "--store",
            runner.storeUri());
    assertThat(backup.exitCode()).as(backup.err()).isEqualTo(ExitCodes.FAILED);
    JsonObject failed =
        json(runner.run("jobs", "list", "--job", "backup", "--output", "json"))
            .get(0)
            .getAsJsonObject();
    long id = failed.get("id").getAsLong();
    assertThat(failed.get("run").getAsString()).isEqualTo("unreachable");
    assertThat(failed.get("status").getAsString()).isEqualTo("FAILED");

    RunnerFixture.Result restarted = runner.run("jobs", "restart", id + "", "--output", "json");

    // Still nobody answers: the restart, a new execution of the same run, fails too.
    assertThat(restarted.exitCode()).as(restarted.err()).isEqualTo(ExitCodes.FAILED);
    JsonObject result = JsonParser.parseString(restarted.out()).getAsJsonObject();
    assertThat(result.get("restartedId").getAsLong()).isEqualTo(id);
    assertThat(result.get("executionId").getAsLong()).isGreaterThan(id);
    assertThat(result.get("run").getAsString()).isEqualTo("unreachable");
    assertThat(result.get("status").getAsString()).isEqualTo("FAILED");
    JobRepository jobRepository = runner.bean(JobRepository.class);
    assertThat(
            jobRepository
                .getJobExecution(result.get("executionId").getAsLong())
                .getJobInstance()
                .getInstanceId())
        .isEqualTo(jobRepository.getJobExecution(id).getJobInstance().getInstanceId());

    long completed = count("restart-a", "done", new GatedCountingJob(1, 0)).getId();
    RunnerFixture.Result refused = runner.run("jobs", "restart", completed + "");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(refused.err())
        .isEqualTo(
            "tugboat: cannot restart job execution "
                + completed
                + ": it is COMPLETED; only FAILED and STOPPED executions restart\n");
    RunnerFixture.Result missing = runner.run("jobs", "describe", "999999");
    assertThat(missing.exitCode()).as(missing.err()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(missing.err())
        .isEqualTo(
            "tugboat: no job execution 999999 in the job repository; `tugboat jobs list` shows"
                + " them\n");
  }

  private static JobExecution count(String jobName, String run, GatedCountingJob job)
      throws Exception {
    return runner
        .bean(JobRunStarter.class)
        .run(
            job.build(jobName, runner),
            new JobParametersBuilder().addString(jobName, run).toJobParameters());
  }

  private static CompletableFuture<JobExecution> start(
      String jobName, String run, GatedCountingJob job) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return count(jobName, run, job);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        THREAD_PER_TASK);
  }

  private static JobExecution runningExecution(String jobName) {
    return runner.bean(JobRepository.class).findRunningJobExecutions(jobName).iterator().next();
  }

  private static long endedPid() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }

  private Path kubeconfigOfNobody() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kubeconfig = work.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: nowhere
          cluster:
            server: https://127.0.0.1:%d
        users:
        - name: nobody
          user:
            token: not-a-real-token
        contexts:
        - name: nowhere
          context:
            cluster: nowhere
            user: nobody
        current-context: nowhere
        """
            .formatted(port));
    return kubeconfig;
  }

  private static JsonArray json(RunnerFixture.Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JsonParser.parseString(result.out()).getAsJsonArray();
  }

  private static JsonArray json(RunnerFixture.Result result, String member) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonArray(member);
  }

  private static List<String> field(JsonArray rows, String name) {
    List<String> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.getAsJsonObject().get(name).getAsString()));
    return values;
  }
}
