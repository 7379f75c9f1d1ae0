package dev.tugboat.runner.command;

import dev.tugboat.core.store.StoreException;

/**
 * A file of a published backup is missing or cannot be read as its format says. The store answered
 * fine, so retrying will not help.
 */
public class BackupFileException extends StoreException {

  private final String reason;

  /**
   * @param backup the backup's name
   * @param location the store's location
   * @param reason what is wrong, e.g. {@code velero-backup.json is not valid JSON}
   */
  public BackupFileException(String backup, String location, String reason) {
    super("backup '" + backup + "' in " + location + ": " + reason);
    this.reason = reason;
  }

  /** What is wrong, without the backup and store. */
  public String reason() {
    return reason;
  }
}
