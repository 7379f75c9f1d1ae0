package dev.tugboat.runner.command;

import java.util.stream.Collectors;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The name an operator gave a run: Tugboat's jobs identify a run by a parameter named after the job
 * ({@code backup=nightly}, {@code restore=...}, {@code migration=...}), a rollback by the run it
 * undoes ({@code restore-rollback} by {@code restore}). A job without one is named by its
 * identifying parameters.
 */
public final class JobRunName {

  private JobRunName() {}

  public static String of(JobExecution execution) {
    String job = execution.getJobInstance().getJobName();
    JobParameters parameters = execution.getJobParameters();
    String name = parameters.getString(job.replaceFirst("-rollback$", ""));
    if (name != null) {
      return name;
    }
    return parameters.getIdentifyingParameters().stream()
        .map(parameter -> parameter.name() + "=" + parameter.value())
        .sorted()
        .collect(Collectors.joining(","));
  }
}
