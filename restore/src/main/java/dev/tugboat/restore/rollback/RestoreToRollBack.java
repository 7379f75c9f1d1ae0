package dev.tugboat.restore.rollback;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.core.store.StoreLocation;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Finds a finished restore's item ledger: its summary in the store ({@code tugboat-restore.json}
 * names the ledger's run) and its job in the job repository (which holds how many ledger chunks
 * each step committed). Refuses, with a {@link RollbackRefusedException}, a restore that does not
 * exist, has no ledger (a Velero restore, or records missing) or is still running.
 */
final class RestoreToRollBack {

  /** Job instances read per page of the job repository. */
  private static final int PAGE = 100;

  private final JobRepository jobRepository;
  private final BackupStore store;
  private final String storeUri;
  private final String restore;

  RestoreToRollBack(
      JobRepository jobRepository, BackupStore store, String storeUri, String restore) {
    this.jobRepository = jobRepository;
    this.store = store;
    this.storeUri = storeUri;
    this.restore = restore;
  }

  /**
   * The restore's ledger, entries in the order they were recorded.
   *
   * @throws RollbackRefusedException when the restore cannot be rolled back
   * @throws IOException when the store cannot be read
   */
  List<LedgerEntry> ledger() throws IOException {
    JobExecution execution = finishedExecution();
    RestoreRun run = RestoreRun.fromJobParameters(execution.getJobParameters());
    List<LedgerEntry> entries = new ArrayList<>();
    try {
      RestoreJobFactory.readLedger(jobRepository, run, store, execution, entries::add);
    } catch (StoreObjectNotFoundException e) {
      throw new RollbackRefusedException(
          "restore '"
              + restore
              + "' cannot be rolled back: its item ledger is incomplete: "
              + e.getMessage(),
          e);
    }
    return entries;
  }

  private JobExecution finishedExecution() {
    if (!store.exists(StoreLayout.restoreSummary(restore))) {
      boolean hasRecords = !store.list(StoreLayout.restoreFolder(restore)).isEmpty();
      throw new RollbackRefusedException(
          hasRecords
              ? "restore '"
                  + restore
                  + "' cannot be rolled back: it has no Tugboat summary in "
                  + store.location()
                  + " (a Velero restore, or one that did not finish)"
              : "restore '" + restore + "' does not exist in " + store.location());
    }
    JobInstance instance =
        restoreInstance()
            .orElseThrow(
                () ->
                    new RollbackRefusedException(
                        "restore '"
                            + restore
                            + "' cannot be rolled back: the job repository has no record of its"
                            + " item ledger (was it run from another Tugboat home?)"));
    List<JobExecution> executions = jobRepository.getJobExecutions(instance);
    for (JobExecution execution : executions) {
      if (execution.isRunning()) {
        throw new RollbackRefusedException(
            "restore '"
                + restore
                + "' cannot be rolled back: it is still running (execution "
                + execution.getId()
                + ", "
                + execution.getStatus()
                + ")");
      }
    }
    return executions.stream()
        .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED)
        .findFirst()
        .orElseThrow(
            () ->
                new RollbackRefusedException(
                    "restore '"
                        + restore
                        + "' cannot be rolled back: its job never completed; resume it first"));
  }

  /** The job instance of the (real, not dry-run) restore of that name into this store. */
  private Optional<JobInstance> restoreInstance() {
    String identity = StoreLocation.parse(storeUri).identity();
    for (int start = 0; ; start += PAGE) {
      List<JobInstance> page =
          jobRepository.getJobInstances(RestoreJobFactory.JOB_NAME, start, PAGE);
      for (JobInstance instance : page) {
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last != null && isThisRestore(last)) {
          return Optional.of(instance);
        }
      }
      if (page.size() < PAGE) {
        return Optional.empty();
      }
    }
  }

  private boolean isThisRestore(JobExecution execution) {
    RestoreRun run;
    try {
      run = RestoreRun.fromJobParameters(execution.getJobParameters());
    } catch (IllegalArgumentException e) {
      return false; // written by another version: not a restore this one can roll back
    }
    return run.request().name().equals(restore)
        && !run.request().dryRun()
        && StoreLocation.parse(run.store())
            .identity()
            .equals(StoreLocation.parse(storeUri).identity());
  }
}
