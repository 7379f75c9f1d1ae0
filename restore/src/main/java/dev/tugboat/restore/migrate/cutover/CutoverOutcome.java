package dev.tugboat.restore.migrate.cutover;

/** What the cutover did to one source object. */
public enum CutoverOutcome {
  /** The workload was stopped and its original value recorded. */
  QUIESCED,
  /** The workload already carried its recorded original (an earlier run quiesced it): untouched. */
  ALREADY_QUIESCED,
  /** The recorded original was put back and its annotation removed. */
  UNQUIESCED,
  /**
   * The volume of a claim about to be deleted was switched to reclaim policy {@code Retain}, its
   * original policy recorded, so that deleting the claim keeps the volume ({@link
   * VolumeRetention}).
   */
  RETAINED,
  /**
   * A retained volume got its original reclaim policy back and waits for its claim to be created
   * again.
   */
  GIVEN_BACK,
  /** The delete was accepted (the object may still be waiting for finalizers). */
  DELETED,
  /**
   * The object does not exist in the source cluster, or its type is not served there. For a delete
   * this means already deleted.
   */
  NOT_FOUND,
  /** The API server refused or did not answer; the detail says how. */
  FAILED
}
