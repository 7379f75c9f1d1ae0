package dev.tugboat.core.store;

import java.util.Map;

/** Opens the backup store a location or store URI names. */
public final class BackupStores {

  private BackupStores() {}

  /**
   * Opens the store a URI names (see {@link StoreLocation}), with S3 credentials from the
   * environment unless the URI names a credentials file.
   */
  public static BackupStore open(String uri) {
    return open(StoreLocation.parse(uri), System.getenv());
  }

  public static BackupStore open(StoreLocation location, Map<String, String> environment) {
    if (location instanceof StoreLocation.Local local) {
      return new LocalBackupStore(local.root());
    }
    StoreLocation.S3 s3 = (StoreLocation.S3) location;
    return S3BackupStore.open(s3, S3Credentials.of(s3, environment));
  }
}
