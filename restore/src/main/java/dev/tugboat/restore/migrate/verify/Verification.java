package dev.tugboat.restore.migrate.verify;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of a {@link ReadinessWait} on one application's workloads.
 *
 * @param reason what decided it, one {@link WorkloadState#describe()} per workload concerned,
 *     separated by {@code "; "}; empty when all are available
 * @param states every workload's state at the last look, in the order they were given
 */
public record Verification(Outcome outcome, String reason, List<WorkloadState> states) {

  /** How the wait ended. */
  public enum Outcome {
    /** Every workload is available. */
    AVAILABLE,
    /** Lack of room held on for the shortage grace period: the application needs a downgrade. */
    SHORT_OF_ROOM,
    /** A workload cannot become available for another reason: the application fails. */
    FAILED,
    /** The timeout passed with workloads still not available (the reason says what is missing). */
    TIMED_OUT
  }

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    states = List.copyOf(states);
  }
}
