package dev.tugboat.runner.command;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.backup.job.BackupProgress;
import dev.tugboat.backup.job.BackupRun;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreProgress;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackRun;
import java.util.Map;
import java.util.function.Function;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a job from the parameters of one of its executions, by job name: each job keeps its
 * whole run in its parameters so that any process can restart it. A new job is one more entry.
 */
@Component
public class JobsFromParameters {

  private final Map<String, Function<JobParameters, Job>> factories;

  public JobsFromParameters(
      BackupJobFactory backups,
      RestoreJobFactory restores,
      MigrationJobFactory migrations,
      RollbackJobFactory rollbacks) {
    this.factories =
        Map.of(
            BackupJobFactory.JOB_NAME,
            parameters ->
                backups.create(BackupRun.fromJobParameters(parameters), new BackupProgress()),
            RestoreJobFactory.JOB_NAME,
            parameters ->
                restores.create(RestoreRun.fromJobParameters(parameters), new RestoreProgress()),
            MigrationJobFactory.JOB_NAME,
            parameters -> migrations.create(MigrationRun.fromJobParameters(parameters)),
            RollbackJobFactory.JOB_NAME,
            parameters -> rollbacks.create(RollbackRun.fromJobParameters(parameters)));
  }

  /**
   * @throws IllegalArgumentException when no job of that name can be rebuilt, or the parameters are
   *     not those of that job
   */
  public Job rebuild(String jobName, JobParameters parameters) {
    Function<JobParameters, Job> factory = factories.get(jobName);
    if (factory == null) {
      throw new IllegalArgumentException(
          "cannot restart job '" + jobName + "': Tugboat has no job of that name");
    }
    return factory.apply(parameters);
  }
}
