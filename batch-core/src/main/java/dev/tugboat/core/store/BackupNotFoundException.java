package dev.tugboat.core.store;

/** No published backup of that name: its {@code velero-backup.json} is absent. */
public class BackupNotFoundException extends StoreException {

  private final String backupName;

  public BackupNotFoundException(String backupName, String location) {
    super("backup '" + backupName + "' not found in " + location);
    this.backupName = backupName;
  }

  public String backupName() {
    return backupName;
  }
}
