package dev.tugboat.restore.rollback;

/** Where the rollback of a restore is, as {@code restore describe} and {@code list} show it. */
public enum RollbackPhase {
  /** Started and not finished: running, or stopped by a crash; running it again resumes it. */
  ROLLING_BACK("RollingBack"),
  /** Every item is undone or deliberately left alone. */
  ROLLED_BACK("RolledBack"),
  /** Finished, but some items could not be undone; the report lists them. */
  FAILED_ROLLBACK("FailedRollback");

  private final String displayName;

  RollbackPhase(String displayName) {
    this.displayName = displayName;
  }

  /** E.g. {@code RolledBack}. */
  public String displayName() {
    return displayName;
  }
}
