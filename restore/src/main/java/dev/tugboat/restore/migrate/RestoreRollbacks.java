package dev.tugboat.restore.migrate;

import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackRefusedException;
import dev.tugboat.restore.rollback.RollbackReport;
import dev.tugboat.restore.rollback.RollbackRun;
import dev.tugboat.restore.rollback.UndoResult;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs the rollback of an application's restore as an inner job, to its end, or reads the report of
 * its finished run: for {@code onFailure: rollback} and for the migration's rollback.
 */
public final class RestoreRollbacks {

  private final RollbackJobFactory rollbacks;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;

  public RestoreRollbacks(
      RollbackJobFactory rollbacks, JobRunStarter starter, JobRepository jobRepository) {
    this.rollbacks = rollbacks;
    this.starter = starter;
    this.jobRepository = jobRepository;
  }

  /**
   * @throws dev.tugboat.restore.rollback.RollbackRefusedException when the restore cannot be rolled
   *     back (missing, no ledger, still running)
   * @throws IllegalStateException when the rollback did not finish; running again resumes it
   */
  public RollbackReport run(RollbackRun run) throws Exception {
    JobParameters parameters = run.toJobParameters();
    try {
      JobExecution execution = starter.run(rollbacks.create(run), parameters);
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        Throwable failure =
            execution.getAllFailureExceptions().stream()
                .findFirst()
                .orElse(new IllegalStateException("no reason recorded"));
        if (failure instanceof RollbackRefusedException refusal) {
          throw refusal;
        }
        throw new IllegalStateException(
            "rollback of restore '"
                + run.restore()
                + "' "
                + execution.getStatus()
                + ": "
                + failure.getMessage(),
            failure);
      }
      return RollbackJobFactory.reportOf(execution).orElseThrow();
    } catch (RunAlreadyCompletedException done) {
      return RollbackJobFactory.reportOf(completed(parameters, run.restore()))
          .orElseThrow(() -> done);
    }
  }

  /** E.g. {@code 5 deleted, 1 put back, 0 left alone, 0 failed}. */
  public static String counts(RollbackReport report) {
    return report.count(UndoResult.DELETED)
        + " deleted, "
        + report.count(UndoResult.PUT_BACK)
        + " put back, "
        + report.count(UndoResult.LEFT_ALONE)
        + " left alone, "
        + report.count(UndoResult.FAILED)
        + " failed";
  }

  private JobExecution completed(JobParameters parameters, String restore) {
    JobInstance instance = jobRepository.getJobInstance(RollbackJobFactory.JOB_NAME, parameters);
    return (instance == null ? List.<JobExecution>of() : jobRepository.getJobExecutions(instance))
        .stream()
            .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the rollback of restore '" + restore + "' has not completed"));
  }
}
