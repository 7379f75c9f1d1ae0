package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;

/** The planner's answer, and the exit code of the {@code tugboat capacity} command (issue 6). */
public enum Verdict {
  /** Every application fits with its source replicas. */
  FITS(0),
  /** Everything fits once the ladder steps listed are taken. */
  FITS_WITH_DOWNGRADE(3),
  /** Some replicas do not fit even with every degradable tier at its floor (or deferred). */
  DOES_NOT_FIT(4);

  private final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * Whether a migration stops before writing anything: {@code abort} unless everything fits as it
   * is, {@code downgrade} unless it fits with the ladder's downgrade; {@code partial} never stops.
   */
  public boolean stopsMigrationUnder(InsufficientCapacityAction action) {
    return switch (action) {
      case ABORT -> this != FITS;
      case DOWNGRADE -> this == DOES_NOT_FIT;
      case PARTIAL -> false;
    };
  }
}
