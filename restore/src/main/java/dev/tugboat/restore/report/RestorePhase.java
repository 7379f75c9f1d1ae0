package dev.tugboat.restore.report;

/** The final phase of a restore, under Velero's names ({@code status.phase} of a Restore). */
public enum RestorePhase {
  COMPLETED("Completed"),
  PARTIALLY_FAILED("PartiallyFailed"),
  /**
   * The restore could not run at all, e.g. the backup could not be read. Velero keeps this apart
   * from errors met while restoring items, which only make a restore {@link #PARTIALLY_FAILED}.
   */
  FAILED("Failed");

  private final String veleroName;

  RestorePhase(String veleroName) {
    this.veleroName = veleroName;
  }

  /**
   * Velero's rule for a restore that ran to its end: one error or more makes it {@code
   * PartiallyFailed}; warnings never change the phase.
   */
  public static RestorePhase forErrorCount(int errors) {
    return errors > 0 ? PARTIALLY_FAILED : COMPLETED;
  }

  /** The value of {@code status.phase}, e.g. {@code PartiallyFailed}. */
  public String veleroName() {
    return veleroName;
  }
}
