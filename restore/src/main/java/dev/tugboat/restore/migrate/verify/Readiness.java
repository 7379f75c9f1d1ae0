package dev.tugboat.restore.migrate.verify;

/** Where one workload stands, as one look at the target cluster shows it. */
public enum Readiness {
  /** Runs as planned. */
  AVAILABLE,
  /**
   * Not yet available, with nothing in the way that Tugboat can see; or the look failed briefly.
   */
  PROGRESSING,
  /** Pods cannot be scheduled or created for lack of room: nodes full, or a quota reached. */
  SHORT_OF_ROOM,
  /** Cannot become available for a reason a downgrade does not cure (forbidden, invalid, gone). */
  FAILED
}
