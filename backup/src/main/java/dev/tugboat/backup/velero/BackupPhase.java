package dev.tugboat.backup.velero;

/**
 * The phase written into {@code velero-backup.json}. Only Velero's two final, usable phases exist
 * here on purpose: a backup synced with phase {@code New} (or none) would be queued and run again
 * by Velero, fail as "already exists", get a fresh expiration and later be garbage-collected,
 * deleting the files from the bucket.
 */
public enum BackupPhase {
  COMPLETED("Completed"),
  PARTIALLY_FAILED("PartiallyFailed");

  private final String veleroName;

  BackupPhase(String veleroName) {
    this.veleroName = veleroName;
  }

  /** Velero's rule: one error or more makes a finished backup {@code PartiallyFailed}. */
  public static BackupPhase forErrorCount(int errors) {
    return errors > 0 ? PARTIALLY_FAILED : COMPLETED;
  }

  /** The value of {@code status.phase}, e.g. {@code PartiallyFailed}. */
  public String veleroName() {
    return veleroName;
  }
}
