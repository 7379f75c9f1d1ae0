package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.migrate.ApplicationOutcome;
import dev.tugboat.restore.migrate.ApplicationPlan;
import dev.tugboat.restore.migrate.MigrationJobFactory;
import dev.tugboat.restore.migrate.MigrationRecords;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.rollback.RollbackRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds what a migration recorded and refuses, with a {@link RollbackRefusedException} whose
 * message is one line, a migration that cannot be rolled back: unknown, still running, stopped
 * before it planned anything, or whose restores' records or restart-point backup are missing.
 */
final class MigrationToRollBack {

  private final JobRepository jobRepository;
  private final BackupStore store;
  private final MigrationRollbackRun run;

  MigrationToRollBack(JobRepository jobRepository, BackupStore store, MigrationRollbackRun run) {
    this.jobRepository = jobRepository;
    this.store = store;
    this.run = run;
  }

  /**
   * @throws RollbackRefusedException when the migration cannot be rolled back
   */
  RollbackSubject find() {
    String id = run.migration();
    JobInstance instance =
        jobRepository.getJobInstance(
            MigrationJobFactory.JOB_NAME, MigrationRun.identity(id, run.store()));
    if (instance == null) {
      throw refused("it does not exist in this job repository for the store " + run.store());
    }
    for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
      if (execution.isRunning()) {
        throw refused(
            "it is still running (execution "
                + execution.getId()
                + ", "
                + execution.getStatus()
                + "); stop it first with `tugboat jobs stop`");
      }
    }
    MigrationRecords records =
        MigrationRecords.of(jobRepository, jobRepository.getLastJobExecution(instance));
    if (records.applications().isEmpty()) {
      throw refused("it has no capacity plan recorded: it stopped before migrating anything");
    }
    List<RestoredApplication> restored = new ArrayList<>();
    for (ApplicationPlan application : records.applications()) {
      ApplicationOutcome outcome = records.outcomes().get(application.name());
      String restore = records.restoreOf(application.name());
      boolean restoreRan =
          outcome != null
              ? !outcome.restore().isEmpty()
              : store.exists(StoreLayout.restoreSummary(restore));
      if (!restoreRan) {
        continue;
      }
      if (!store.exists(StoreLayout.restoreSummary(restore))) {
        throw refused(
            "the records of application '"
                + application.name()
                + "' are missing: restore '"
                + restore
                + "' has no summary in "
                + store.location());
      }
      restored.add(new RestoredApplication(application.name(), application.tier(), restore));
    }
    MigrationRun migration = records.run();
    if (migration.online()
        && !records.cutover().isEmpty()
        && !new BackupCatalog(store).exists(migration.sourceBackup())) {
      throw refused(
          "its restart-point backup '"
              + migration.sourceBackup()
              + "' is missing from "
              + store.location()
              + ": the source cannot be put back");
    }
    return new RollbackSubject(records, restored);
  }

  private RollbackRefusedException refused(String reason) {
    return new RollbackRefusedException(
        "migration '" + run.migration() + "' cannot be rolled back: " + reason);
  }
}
