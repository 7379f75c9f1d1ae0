package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreProgress;
import dev.tugboat.restore.job.RestoreRequest;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.migrate.ApplicationPlan;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.select.ApplicationScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Creates again, in the source, the objects of one application that the cutover deleted: a restore
 * of the application's scope from the restart-point backup into the source, with policy {@code
 * none} so that what is still there is left alone, in the restore job's own priority order (the
 * reverse of the cutover's deletion order: owners first). Run as an inner job named {@code
 * <migration>-undo-<application>}, so that a crash resumes it.
 */
final class SourceRecreation {

  private final RestoreJobFactory restores;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;

  SourceRecreation(RestoreJobFactory restores, JobRunStarter starter, JobRepository jobRepository) {
    this.restores = restores;
    this.starter = starter;
    this.jobRepository = jobRepository;
  }

  /**
   * @throws IllegalStateException when the restore did not finish; running again resumes it
   */
  RestoreSummary recreate(MigrationRun migration, ApplicationPlan application) throws Exception {
    RestoreRun run = restoreRun(migration, application);
    try {
      JobExecution execution =
          starter.run(restores.create(run, new RestoreProgress()), run.toJobParameters());
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        throw new IllegalStateException(
            "restore '"
                + run.request().name()
                + "' of the source "
                + execution.getStatus()
                + ": "
                + execution.getAllFailureExceptions().stream()
                    .map(Throwable::getMessage)
                    .findFirst()
                    .orElse("no reason recorded"));
      }
      return RestoreJobFactory.summaryOf(execution).orElseThrow();
    } catch (RunAlreadyCompletedException done) {
      JobInstance instance =
          jobRepository.getJobInstance(RestoreJobFactory.JOB_NAME, run.toJobParameters());
      return jobRepository.getJobExecutions(instance).stream()
          .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED)
          .findFirst()
          .flatMap(RestoreJobFactory::summaryOf)
          .orElseThrow(() -> done);
    }
  }

  static String restoreName(String migration, String application) {
    return migration + "-undo-" + application;
  }

  private static RestoreRun restoreRun(MigrationRun migration, ApplicationPlan application) {
    RestoreRequest request =
        new RestoreRequest(
            restoreName(migration.id(), application.name()),
            migration.sourceBackup(),
            application.namespaces(),
            List.of(),
            List.of(),
            migration.plan().excludedResources(),
            IncludeClusterResources.AUTO,
            "",
            List.of(),
            Map.of(),
            ExistingResourcePolicy.NONE,
            "",
            List.of(),
            // The same node ports as before: clients of the source may use them.
            true,
            false,
            false,
            Optional.of(new ApplicationScope(migration.plan(), application.name())));
    return new RestoreRun(
        request,
        migration.store(),
        migration.sourceKubeconfig(),
        migration.sourceContext(),
        RestoreRun.DEFAULT_PARALLELISM,
        migration.qps(),
        migration.burst(),
        RestoreRun.DEFAULT_CHUNK_SIZE,
        migration.workFolder());
  }
}
