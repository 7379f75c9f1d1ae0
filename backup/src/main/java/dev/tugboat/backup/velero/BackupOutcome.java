package dev.tugboat.backup.velero;

import java.time.Instant;

/**
 * How a finished backup went: the facts {@code velero-backup.json}'s status records.
 *
 * @param started when the backup started; the TTL counts from here
 * @param completed when it finished writing items
 * @param totalItems the items selected for the backup
 * @param itemsBackedUp the items written to the archive
 * @param warnings how many warnings were reported
 * @param errors how many errors were reported; one or more makes the backup {@code PartiallyFailed}
 */
public record BackupOutcome(
    Instant started,
    Instant completed,
    int totalItems,
    int itemsBackedUp,
    int warnings,
    int errors) {

  /**
   * @throws IllegalArgumentException when a count is negative or completion precedes the start
   */
  public BackupOutcome {
    if (completed.isBefore(started)) {
      throw new IllegalArgumentException(
          "The backup cannot complete (" + completed + ") before it started (" + started + ")");
    }
    if (totalItems < 0 || itemsBackedUp < 0 || warnings < 0 || errors < 0) {
      throw new IllegalArgumentException(
          "Backup counts cannot be negative: totalItems="
              + totalItems
              + ", itemsBackedUp="
              + itemsBackedUp
              + ", warnings="
              + warnings
              + ", errors="
              + errors);
    }
  }

  /** {@link BackupPhase#PARTIALLY_FAILED} when there was an error, else completed. */
  public BackupPhase phase() {
    return BackupPhase.forErrorCount(errors);
  }
}
