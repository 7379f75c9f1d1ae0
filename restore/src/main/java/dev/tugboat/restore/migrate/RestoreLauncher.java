package dev.tugboat.restore.migrate;

import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.LedgerConsumer;
import dev.tugboat.restore.report.RestoreSummary;
import java.io.IOException;

/** Runs an application's restore to its end, and reads what it did. */
interface RestoreLauncher {

  /**
   * Runs the restore, or returns the summary of its finished run.
   *
   * @throws Exception when the restore did not finish; running the migration again resumes it
   */
  RestoreSummary restore(RestoreRun run) throws Exception;

  /**
   * Reads the item ledger of the restore's completed run: what it did with each object.
   *
   * @throws IOException when the ledger cannot be read from the store
   * @throws IllegalStateException when the restore has not completed
   */
  void readLedger(RestoreRun run, LedgerConsumer consumer) throws IOException;
}
