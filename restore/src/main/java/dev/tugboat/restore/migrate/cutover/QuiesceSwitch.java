package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonObject;

/**
 * How one kind of workload is stopped and started again, and the annotation that remembers how it
 * ran before it was stopped.
 */
interface QuiesceSwitch {

  /** The annotation that holds the original value, one of {@link CutoverAnnotations}. */
  String annotation();

  /** The change that stops the live object, with its current value as the original to record. */
  Change stop(JsonObject live);

  /**
   * The change that brings back the recorded original.
   *
   * @param recorded the annotation's value
   * @throws UnreadableOriginalException when the annotation does not hold a value of this switch's
   *     type (edited by hand, or written by something else)
   */
  Change restore(JsonObject live, String recorded) throws UnreadableOriginalException;

  /**
   * One change of a workload.
   *
   * @param spec the merge patch of its {@code spec}
   * @param original the value to record in the annotation; {@code null} when restoring
   * @param detail the change as the report shows it, e.g. {@code replicas 3 -> 0}
   */
  record Change(JsonObject spec, String original, String detail) {}

  /** The recorded original cannot be read back. */
  final class UnreadableOriginalException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableOriginalException(String annotation, String recorded, String expected) {
      super("annotation " + annotation + " holds '" + recorded + "', not " + expected);
    }
  }
}
