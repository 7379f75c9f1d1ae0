package dev.tugboat.restore.migrate;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.backup.job.BackupProgress;
import dev.tugboat.backup.job.BackupRequest;
import dev.tugboat.backup.job.BackupRun;
import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The restart-point backup of an online migration (issue 7 step 2): a normal Tugboat backup of the
 * source scope, named after the migration and labelled with it, which the applications are then
 * restored from and which rollback can restore the source from. Run as a job of its own, so that a
 * crash during it resumes it.
 */
final class RestartPointBackup implements InnerJobStep.Work {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  private final MigrationRun run;
  private final BackupStore store;
  private final BackupJobFactory backups;
  private final JobRunStarter starter;
  private final JobRepository jobRepository;

  RestartPointBackup(
      MigrationRun run,
      BackupStore store,
      BackupJobFactory backups,
      JobRunStarter starter,
      JobRepository jobRepository) {
    this.run = run;
    this.store = store;
    this.backups = backups;
    this.starter = starter;
    this.jobRepository = jobRepository;
  }

  @Override
  public void run(StepExecution step) throws Exception {
    BackupRun backup = backupRun();
    JobParameters parameters = backup.toJobParameters();
    boolean ours = jobRepository.getJobInstance(BackupJobFactory.JOB_NAME, parameters) != null;
    if (!ours && new BackupCatalog(store).exists(run.id())) {
      throw new IllegalArgumentException(
          "backup '"
              + run.id()
              + "' already exists in "
              + store.location()
              + ": a migration's restart-point backup is named after it; rename the plan");
    }
    RUNBOOK.info("{}: backing up the source into backup {}", run.id(), run.id());
    try {
      JobExecution execution =
          starter.run(backups.create(backup, new BackupProgress()), parameters);
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        throw new IllegalStateException(
            "the restart-point backup '" + run.id() + "' " + execution.getStatus());
      }
    } catch (RunAlreadyCompletedException done) {
      RUNBOOK.info("{}: restart-point backup {} was already taken", run.id(), run.id());
    }
  }

  private BackupRun backupRun() {
    BackupRequest request =
        new BackupRequest(
            run.id(),
            List.copyOf(CapacityAnalysis.sourceNamespaces(run.plan())),
            List.of(),
            List.of(),
            run.plan().excludedResources(),
            IncludeClusterResources.AUTO,
            "",
            List.of(),
            BackupSpec.DEFAULT_TTL,
            Map.of(MigrationLabels.MIGRATION, run.id()));
    return new BackupRun(
        request,
        run.store(),
        run.sourceKubeconfig(),
        run.sourceContext(),
        BackupRun.DEFAULT_PARALLELISM,
        run.qps(),
        run.burst(),
        BackupRun.DEFAULT_PAGE_SIZE);
  }
}
