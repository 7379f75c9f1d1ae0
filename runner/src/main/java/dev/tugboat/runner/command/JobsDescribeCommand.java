package dev.tugboat.runner.command;

import dev.tugboat.core.jobs.RunLease;
import dev.tugboat.core.jobs.RunLeaseRepository;
import dev.tugboat.runner.ExitCodes;
import dev.tugboat.runner.Globals;
import dev.tugboat.runner.OutputFormat;
import dev.tugboat.runner.Printer;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One job execution in full: parameters, steps and partitions, restart points, owner. */
@Command(
    name = "describe",
    description = {
      "Show a job execution: its status and exit description, its parameters (any whose name says"
          + " password, secret, token or credential is hidden), the process that owns it while it"
          + " runs, and its steps and partitions in the order they started, with their counts.",
      "RESTART POINT is where a restart picks a step up: a completed step is not run again; the"
          + " others resume after their last commit."
    })
public class JobsDescribeCommand implements Callable<Integer> {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|credential).*");

  static final String HIDDEN = "<hidden>";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The job execution's id.")
  long id;

  private final JobExecutions executions;
  private final RunLeaseRepository leases;

  public JobsDescribeCommand(JobExecutions executions, RunLeaseRepository leases) {
    this.executions = executions;
    this.leases = leases;
  }

  @Override
  public Integer call() {
    JobExecution execution = executions.find(id);
    Description description =
        new Description(
            execution.getId(),
            execution.getJobInstance().getJobName(),
            JobRunName.of(execution),
            execution.getStatus().name(),
            execution.getExitStatus().getExitCode(),
            execution.getExitStatus().getExitDescription(),
            JobTimes.format(execution.getStartTime()),
            JobTimes.format(execution.getEndTime()),
            execution.isRunning()
                ? leases
                    .find(execution.getId())
                    .map(RunLease::owner)
                    .map(Object::toString)
                    .orElse(null)
                : null,
            parameters(execution),
            execution.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(Step::of)
                .toList());
    Printer printer = new Printer(spec);
    if (Globals.of(spec).output() == OutputFormat.json) {
      printer.json(description);
    } else {
      print(printer, description);
    }
    return ExitCodes.OK;
  }

  private static List<Parameter> parameters(JobExecution execution) {
    return execution.getJobParameters().parameters().stream()
        .map(
            parameter ->
                new Parameter(
                    parameter.name(),
                    SECRET_NAME.matcher(parameter.name()).matches()
                        ? HIDDEN
                        : String.valueOf(parameter.value()),
                    parameter.identifying()))
        .sorted(Comparator.comparing(Parameter::name))
        .toList();
  }

  private static void print(Printer printer, Description d) {
    printer.line("Execution:    %d", d.id());
    printer.line("Job:          %s", d.job());
    printer.line("Run:          %s", d.run());
    printer.line("Status:       %s (exit code %s)", d.status(), d.exitCode());
    if (!d.exitDescription().isEmpty()) {
      printer.line("Exit:         %s", d.exitDescription().lines().findFirst().orElse(""));
    }
    printer.line("Started:      %s", d.started() == null ? "-" : d.started());
    printer.line("Ended:        %s", d.ended() == null ? "-" : d.ended());
    if (d.owner() != null) {
      printer.line("Owner:        %s", d.owner());
    }
    printer.line("Parameters:");
    for (Parameter parameter : d.parameters()) {
      printer.line(
          "  %s=%s%s",
          parameter.name(), parameter.value(), parameter.identifying() ? " (identifying)" : "");
    }
    if (d.steps().isEmpty()) {
      printer.line("Steps: none yet");
      return;
    }
    printer.line("Steps:");
    TextTable table =
        new TextTable(
            "STEP", "STATUS", "READ", "WRITTEN", "SKIPPED", "COMMITS", "RESTART POINT", "EXIT");
    for (Step step : d.steps()) {
      table.add(
          step.name(),
          step.status(),
          String.valueOf(step.read()),
          String.valueOf(step.written()),
          String.valueOf(step.skipped()),
          String.valueOf(step.commits()),
          step.restartPoint(),
          step.exitDescription().isEmpty() ? "-" : step.exitDescription());
    }
    table.print(printer);
  }

  /** The JSON form of an execution; {@code owner} is null unless it runs and holds a lease. */
  record Description(
      long id,
      String job,
      String run,
      String status,
      String exitCode,
      String exitDescription,
      String started,
      String ended,
      String owner,
      List<Parameter> parameters,
      List<Step> steps) {}

  /** A job parameter, its value hidden when its name says it may hold a secret. */
  record Parameter(String name, String value, boolean identifying) {}

  /**
   * A step or a partition ({@code list:configmaps@...}, named after its manager step).
   *
   * @param restartPoint what a restart does with it
   * @param exitDescription the first line of its exit description
   */
  record Step(
      long id,
      String name,
      String status,
      long read,
      long written,
      long skipped,
      long commits,
      String restartPoint,
      String exitDescription) {

    static Step of(StepExecution step) {
      return new Step(
          step.getId(),
          step.getStepName(),
          step.getStatus().name(),
          step.getReadCount(),
          step.getWriteCount(),
          step.getSkipCount(),
          step.getCommitCount(),
          step.getStatus() == BatchStatus.COMPLETED
              ? "done"
              : "after commit " + step.getCommitCount(),
          step.getExitStatus().getExitDescription().lines().findFirst().orElse(""));
    }
  }
}
