package dev.tugboat.runner;

import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.core.cluster.ClusterAccessException;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.core.jobs.RunInProgressException;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.restore.migrate.CapacityShortfallException;
import dev.tugboat.restore.rollback.RollbackRefusedException;
import dev.tugboat.runner.command.BackupFileException;
import dev.tugboat.runner.command.RestoreFileException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes of every {@code tugboat} command, documented in the README. Scripts and Kubernetes
 * {@code podFailurePolicy} rules depend on them: 2 and 4 mean retrying will not help.
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * A job failed, or was stopped (SIGTERM, {@code tugboat jobs stop}); retrying (which resumes it)
   * may help.
   */
  public static final int FAILED = 1;

  /** The command line is wrong. */
  public static final int USAGE = 2;

  /** Finished, but with warnings or a partial result. */
  public static final int PARTIAL = 3;

  /** A precondition or the configuration is wrong; retrying will not help. */
  public static final int PRECONDITION = 4;

  /** The same run is already in progress elsewhere. */
  public static final int IN_PROGRESS = 5;

  private ExitCodes() {}

  /** The exit code for an exception that escaped a command. */
  public static int forException(Throwable e) {
    if (e instanceof ParameterException) {
      return USAGE;
    }
    if (e instanceof RunInProgressException) {
      return IN_PROGRESS;
    }
    if (e instanceof IllegalArgumentException
        || e instanceof ClusterAccessException
        || e instanceof ArchiveFormatException
        || e instanceof BackupNotFoundException
        || e instanceof BackupFileException
        || e instanceof RestoreFileException
        || e instanceof NoSuchFileException
        || e instanceof RunAlreadyCompletedException
        || e instanceof CapacityShortfallException
        || e instanceof RollbackRefusedException
        || e instanceof JobExecutionException) {
      return PRECONDITION;
    }
    return FAILED;
  }

  /**
   * The exit code when the application context cannot start. The usual cause is the embedded job
   * repository being locked by another tugboat process.
   */
  static int forStartupFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getMessage() != null
          && sql.getMessage().contains("already in use")) {
        return IN_PROGRESS;
      }
    }
    return PRECONDITION;
  }

  /**
   * The failure of one of the named steps that retrying cannot fix, searched through each failure's
   * causes with {@link #forException}'s rule: a bad archive, a missing backup, an invalid request,
   * a plan that does not fit.
   *
   * @param steps the steps that run before anything is written, e.g. {@code validate}
   */
  public static Optional<Throwable> preconditionFailure(JobExecution execution, Set<String> steps) {
    for (StepExecution step : execution.getStepExecutions()) {
      if (!steps.contains(step.getStepName()) || step.getStatus() != BatchStatus.FAILED) {
        continue;
      }
      for (Throwable failure : step.getFailureExceptions()) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
          if (forException(cause) == PRECONDITION) {
            return Optional.of(cause);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }

  /**
   * The first line of an exception's own message: Tugboat's exceptions say what failed and where.
   */
  public static String message(Throwable e) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return message.lines().findFirst().orElse(message);
  }

  /**
   * Why a job execution did not complete: the first failure of the job or its steps, or its exit
   * description when no exception was recorded (a stopped job).
   */
  public static String failureOf(JobExecution execution) {
    List<Throwable> failures = execution.getAllFailureExceptions();
    if (!failures.isEmpty()) {
      return message(failures.get(0));
    }
    String description = execution.getExitStatus().getExitDescription();
    return description.isEmpty() ? "it ended " + execution.getStatus() : description;
  }

  /** The innermost message of an exception chain: for failures wrapped by frameworks. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return message(root);
  }
}
