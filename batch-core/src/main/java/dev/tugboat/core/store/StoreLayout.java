package dev.tugboat.core.store;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of Velero's BackupStorageLocation layout ({@code pkg/persistence/object_store_layout.go}
 * in Velero), relative to the store's root. Every method validates the backup or restore name.
 */
public final class StoreLayout {

  public static final String BACKUPS = "backups/";
  public static final String RESTORES = "restores/";
  public static final String BACKUP_METADATA_FILE = "velero-backup.json";
  public static final String RESTORE_SUMMARY_FILE = "tugboat-restore.json";

  /** A Kubernetes object name: a lowercase RFC 1123 subdomain. */
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_NAME_LENGTH = 253;

  private StoreLayout() {}

  /** {@code backups/<backup>/}. */
  public static String backupFolder(String backup) {
    return BACKUPS + requireValidName("backup", backup) + "/";
  }

  /** {@code backups/<backup>/<backup>.tar.gz}: the resources. */
  public static String backupArchive(String backup) {
    return backupFolder(backup) + backup + ".tar.gz";
  }

  /**
   * {@code backups/<backup>/velero-backup.json}: the Backup object. Its presence is what makes a
   * backup exist, for Velero's sync as for Tugboat.
   */
  public static String backupMetadata(String backup) {
    return backupFolder(backup) + BACKUP_METADATA_FILE;
  }

  /** {@code backups/<backup>/<backup>-resource-list.json.gz}. */
  public static String backupResourceList(String backup) {
    return backupFolder(backup) + backup + "-resource-list.json.gz";
  }

  /** {@code backups/<backup>/<backup>-results.gz}: errors and warnings. */
  public static String backupResults(String backup) {
    return backupFolder(backup) + backup + "-results.gz";
  }

  /** {@code backups/<backup>/<backup>-logs.gz}. */
  public static String backupLogs(String backup) {
    return backupFolder(backup) + backup + "-logs.gz";
  }

  /** {@code restores/<restore>/}. */
  public static String restoreFolder(String restore) {
    return RESTORES + requireValidName("restore", restore) + "/";
  }

  /**
   * {@code restores/<restore>/tugboat-restore.json}: Tugboat's record of a finished restore,
   * written last. Velero keeps its Restore objects in the cluster, not in the store, and ignores
   * this file.
   */
  public static String restoreSummary(String restore) {
    return restoreFolder(restore) + RESTORE_SUMMARY_FILE;
  }

  /**
   * {@code backups/<backup>/tugboat-migration-<migration>.<extension>}: the report of a migration,
   * beside the backup it restored from (Velero's layout allows no other top-level folder, and its
   * sync ignores files it does not know in a backup's folder).
   *
   * @param extension {@code json} or {@code html}
   */
  public static String migrationReport(String backup, String migration, String extension) {
    return backupFolder(backup)
        + "tugboat-migration-"
        + requireValidName("migration", migration)
        + "."
        + extension;
  }

  /** {@code restores/<restore>/restore-<restore>-logs.gz}. */
  public static String restoreLogs(String restore) {
    return restoreFolder(restore) + "restore-" + restore + "-logs.gz";
  }

  /** {@code restores/<restore>/restore-<restore>-results.gz}. */
  public static String restoreResults(String restore) {
    return restoreFolder(restore) + "restore-" + restore + "-results.gz";
  }

  /** {@code restores/<restore>/restore-<restore>-resource-list.json.gz}. */
  public static String restoreResourceList(String restore) {
    return restoreFolder(restore) + "restore-" + restore + "-resource-list.json.gz";
  }

  /**
   * Checks a backup or restore name.
   *
   * @param kind what the name is for, for the message: {@code backup}, {@code restore}
   * @return the name
   * @throws IllegalArgumentException if it is not a lowercase RFC 1123 subdomain
   */
  public static String requireValidName(String kind, String name) {
    Objects.requireNonNull(name, kind + " name");
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid "
              + kind
              + " name '"
              + name
              + "': it must be a lowercase RFC 1123 subdomain: at most 253 characters of"
              + " lowercase letters, digits, '-' and '.', starting and ending with a letter or"
              + " digit");
    }
    return name;
  }

  /** The backup whose folder holds this key, if it is inside a validly named backup folder. */
  static Optional<String> backupOfKey(String key) {
    int end = key.indexOf('/', BACKUPS.length());
    if (!key.startsWith(BACKUPS) || end < 0) {
      return Optional.empty();
    }
    String name = key.substring(BACKUPS.length(), end);
    boolean valid = name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    return valid ? Optional.of(name) : Optional.empty();
  }

  /** The backup whose metadata key this is, if it is one. */
  static Optional<String> backupOfMetadataKey(String key) {
    String suffix = "/" + BACKUP_METADATA_FILE;
    if (!key.startsWith(BACKUPS) || !key.endsWith(suffix)) {
      return Optional.empty();
    }
    String name = key.substring(BACKUPS.length(), key.length() - suffix.length());
    boolean valid = name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    return valid ? Optional.of(name) : Optional.empty();
  }
}
