package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLocation;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Reads the item ledger of an application's completed restore, found by its name. */
final class RestoreLedgers {

  /** Job instances read per page of the job repository. */
  private static final int PAGE = 100;

  private final JobRepository jobRepository;
  private final BackupStore store;
  private final String storeUri;

  RestoreLedgers(JobRepository jobRepository, BackupStore store, String storeUri) {
    this.jobRepository = jobRepository;
    this.store = store;
    this.storeUri = storeUri;
  }

  /**
   * @throws IllegalStateException when the restore has no completed run in this job repository
   * @throws IOException when the ledger cannot be read from the store
   */
  List<LedgerEntry> read(String restore) throws IOException {
    JobExecution execution = completed(restore);
    List<LedgerEntry> entries = new ArrayList<>();
    RestoreJobFactory.readLedger(
        jobRepository,
        RestoreRun.fromJobParameters(execution.getJobParameters()),
        store,
        execution,
        entries::add);
    return entries;
  }

  private JobExecution completed(String restore) {
    String identity = StoreLocation.parse(storeUri).identity();
    for (int start = 0; ; start += PAGE) {
      List<JobInstance> page =
          jobRepository.getJobInstances(RestoreJobFactory.JOB_NAME, start, PAGE);
      for (JobInstance instance : page) {
        for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
          if (execution.getStatus() == BatchStatus.COMPLETED
              && isRestore(execution, restore, identity)) {
            return execution;
          }
        }
      }
      if (page.size() < PAGE) {
        throw new IllegalStateException(
            "restore '" + restore + "' has no completed run in this job repository");
      }
    }
  }

  private static boolean isRestore(JobExecution execution, String restore, String identity) {
    RestoreRun run;
    try {
      run = RestoreRun.fromJobParameters(execution.getJobParameters());
    } catch (IllegalArgumentException e) {
      return false; // written by another version
    }
    return run.request().name().equals(restore)
        && !run.request().dryRun()
        && StoreLocation.parse(run.store()).identity().equals(identity);
  }
}
