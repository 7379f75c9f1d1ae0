package dev.tugboat.restore.migrate.cutover;

/** What the cutover did to one source object. */
public enum CutoverOutcome {
  /** The workload was stopped and its original value recorded. */
  QUIESCED,
  /** The workload already carried its recorded original (an earlier run quiesced it): untouched. */
  ALREADY_QUIESCED,
  /** The recorded original was put back and its annotation removed. */
  UNQUIESCED,
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
