package dev.tugboat.runner.command;

import dev.tugboat.core.store.StoreException;

/**
 * A restore's records are not in the store, or one of its files is missing or cannot be read as its
 * format says. The store answered fine, so retrying will not help.
 */
public class RestoreFileException extends StoreException {

  private final String reason;

  private RestoreFileException(String message, String reason) {
    super(message);
    this.reason = reason;
  }

  /** The store holds no finished restore of that name. */
  static RestoreFileException notFound(String restore, String location) {
    return new RestoreFileException(
        "restore '" + restore + "' not found in " + location, "not found");
  }

  /**
   * @param reason what is wrong, e.g. {@code tugboat-restore.json is not valid JSON}
   */
  static RestoreFileException unreadable(String restore, String location, String reason) {
    return new RestoreFileException(
        "restore '" + restore + "' in " + location + ": " + reason, reason);
  }

  /** What is wrong, without the restore and store. */
  public String reason() {
    return reason;
  }
}
