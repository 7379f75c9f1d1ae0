package dev.tugboat.restore.report;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.io.IOException;

/**
 * Writes a restore's records to the store under {@code restores/<name>/}, at Velero's keys: its
 * results, its restored resource list and its log. Each file is written whole from what the report
 * and list hold and replaces any earlier one, so a restore run again (or resumed after a crash)
 * leaves the records of its last run, never a mix of two.
 */
public final class RestoreRecords {

  private RestoreRecords() {}

  /**
   * @throws IllegalArgumentException if {@code restoreName} is not a valid restore name, before
   *     anything is written
   * @throws IOException if a file could not be written; the files written before it stay
   */
  public static void publish(
      BackupStore store, String restoreName, RestoreReport report, RestoreResourceList resources)
      throws IOException {
    String results = StoreLayout.restoreResults(restoreName);
    String resourceList = StoreLayout.restoreResourceList(restoreName);
    String logs = StoreLayout.restoreLogs(restoreName);
    store.write(results, report.results());
    store.write(resourceList, resources);
    store.write(logs, report.log());
  }
}
