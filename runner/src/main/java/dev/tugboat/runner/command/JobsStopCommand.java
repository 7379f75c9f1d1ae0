package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.StopResult;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Stops a running job execution, or marks it FAILED when its process is gone. */
@Command(
    name = "stop",
    description = {
      "Ask a running job execution to stop: it is marked STOPPING, and the process running it ends"
          + " it STOPPED at its next chunk or step boundary; `tugboat jobs restart ID` or the same"
          + " command again resumes it.",
      "When the process that ran it is provably gone (its lease is stale, or it ran on this host"
          + " and has ended), nobody would notice the request: the execution is marked FAILED at"
          + " once instead, and can be restarted.",
      "With the embedded H2 job repository the running process holds the database: stop it with"
          + " SIGTERM (Ctrl-C) instead; this command serves shared (PostgreSQL) repositories and"
          + " killed runs."
    })
public class JobsStopCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The job execution's id.")
  long id;

  private final JobExecutions executions;
  private final JobRunStarter starter;

  public JobsStopCommand(JobExecutions executions, JobRunStarter starter) {
    this.executions = executions;
    this.starter = starter;
  }

  @Override
  public Integer call() throws Exception {
    JobExecution execution = executions.find(id);
    if (!execution.isRunning()) {
      spec.commandLine()
          .getErr()
          .println(
              "tugboat: cannot stop job execution "
                  + id
                  + ": it is not running, it is "
                  + execution.getStatus());
      return ExitCodes.PRECONDITION;
    }
    StopResult stop = starter.stop(execution);
    Result result =
        new Result(
            id,
            execution.getJobInstance().getJobName(),
            JobRunName.of(execution),
            stop.status().name(),
            stop.explanation());
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(result);
    } else if (stop.status() == BatchStatus.FAILED) {
      printer.line(
          "Job execution %d (%s %s) was left running by a process that is gone (%s): marked"
              + " FAILED; `tugboat jobs restart %d` resumes it",
          id, result.job(), result.run(), stop.explanation(), id);
    } else {
      printer.line(
          "Asked job execution %d (%s %s) to stop (%s): it ends STOPPED at its next chunk"
              + " boundary; `tugboat jobs restart %d` resumes it",
          id, result.job(), result.run(), stop.explanation(), id);
    }
    return ExitCodes.OK;
  }

  /**
   * The JSON result.
   *
   * @param status STOPPING when its process was asked to stop it, FAILED when that process is gone
   * @param explanation who owned it and why it counts as alive or gone
   */
  record Result(long id, String job, String run, String status, String explanation) {}
}
