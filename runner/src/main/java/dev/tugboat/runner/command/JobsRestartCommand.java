package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Restarts a FAILED or STOPPED job execution in this process, from its last commit. */
@Command(
    name = "restart",
    description = {
      "Restart a FAILED or STOPPED job execution and wait for it: its job is rebuilt from the"
          + " execution's parameters and resumes after its last commit, as running the same command"
          + " again would.",
      "A COMPLETED, ABANDONED or running execution is refused (exit code 4); stop a running one"
          + " first with `tugboat jobs stop ID`."
    })
public class JobsRestartCommand implements Callable<Integer> {

  private static final Set<BatchStatus> RESTARTABLE =
      Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The job execution's id.")
  long id;

  private final JobExecutions executions;
  private final JobsFromParameters jobs;
  private final JobRunStarter starter;

  public JobsRestartCommand(
      JobExecutions executions, JobsFromParameters jobs, JobRunStarter starter) {
    this.executions = executions;
    this.jobs = jobs;
    this.starter = starter;
  }

  @Override
  public Integer call() throws Exception {
    JobExecution execution = executions.find(id);
    if (!RESTARTABLE.contains(execution.getStatus())) {
      spec.commandLine()
          .getErr()
          .println(
              "tugboat: cannot restart job execution "
                  + id
                  + ": it is "
                  + execution.getStatus()
                  + "; only FAILED and STOPPED executions restart");
      return ExitCodes.PRECONDITION;
    }
    String job = execution.getJobInstance().getJobName();
    JobParameters parameters = execution.getJobParameters();
    JobExecution restarted = starter.run(jobs.rebuild(job, parameters), parameters);
    Result result =
        new Result(
            id,
            restarted.getId(),
            job,
            JobRunName.of(restarted),
            restarted.getStatus().name(),
            restarted.getStatus() == BatchStatus.COMPLETED ? null : ExitCodes.failureOf(restarted));
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(result);
    } else if (result.reason() == null) {
      printer.line(
          "Restarted %s %s as job execution %d: %s",
          job, result.run(), result.executionId(), result.status());
    } else {
      printer.line(
          "Restarted %s %s as job execution %d: %s: %s",
          job, result.run(), result.executionId(), result.status(), result.reason());
    }
    return restarted.getStatus() == BatchStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * The JSON result.
   *
   * @param restartedId the execution restarted
   * @param executionId the new execution
   * @param reason why it did not complete; null when it did
   */
  record Result(
      long restartedId, long executionId, String job, String run, String status, String reason) {}
}
