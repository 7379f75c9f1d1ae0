package dev.tugboat.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The backups of one store. A backup exists once its {@code velero-backup.json} does, so this class
 * writes that file last and deletes it first: neither Tugboat nor Velero ever sees a backup whose
 * archive is missing.
 */
public final class BackupCatalog {

  private final BackupStore store;

  public BackupCatalog(BackupStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Publishes a backup: the archive first, then the extra files in key order, then {@code
   * velero-backup.json}. If any step fails, the files already written are deleted and the failure
   * is rethrown. Bodies run in that order, so a later one may describe what an earlier one wrote
   * (the metadata can hold the archive's checksum).
   *
   * @param archive streams {@code <name>.tar.gz}
   * @param extraFiles other files of the backup by key, from {@link StoreLayout} (resource list,
   *     results, logs); each must be directly inside the backup's folder
   * @param veleroBackupJson streams the Backup object
   * @throws StoreException if the backup already exists, or a write fails
   * @throws IOException the archive body's own failure
   */
  public void publish(
      String name,
      BodyWriter archive,
      Map<String, BodyWriter> extraFiles,
      BodyWriter veleroBackupJson)
      throws IOException {
    String metadataKey = StoreLayout.backupMetadata(name);
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(veleroBackupJson, "veleroBackupJson");
    requireExtraFilesOf(name, extraFiles);
    if (store.exists(metadataKey)) {
      throw new StoreException("backup '" + name + "' already exists in " + store.location());
    }
    List<String> written = new ArrayList<>();
    try {
      write(StoreLayout.backupArchive(name), archive, written);
      for (Map.Entry<String, BodyWriter> extra : new TreeMap<>(extraFiles).entrySet()) {
        write(extra.getKey(), extra.getValue(), written);
      }
      write(metadataKey, veleroBackupJson, written);
    } catch (Throwable failure) {
      rollBack(written, failure);
      throw failure;
    }
  }

  /** Names of the published backups, sorted. */
  public List<String> listBackups() {
    List<String> names = new ArrayList<>();
    for (String key : store.list(StoreLayout.BACKUPS)) {
      StoreLayout.backupOfMetadataKey(key).ifPresent(names::add);
    }
    Collections.sort(names);
    return names;
  }

  /**
   * Names of every backup folder of the store, sorted: the published backups and the folders of
   * backups still being written (or left by a failed publish), which have no {@code
   * velero-backup.json} yet.
   */
  public List<String> listFolders() {
    SortedSet<String> names = new TreeSet<>();
    for (String key : store.list(StoreLayout.BACKUPS)) {
      StoreLayout.backupOfKey(key).ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  public boolean exists(String name) {
    return store.exists(StoreLayout.backupMetadata(name));
  }

  /**
   * Opens a backup's {@code <name>.tar.gz}; the caller closes it.
   *
   * @throws BackupNotFoundException if the backup is not published
   */
  public InputStream openArchive(String name) {
    if (!exists(name)) {
      throw new BackupNotFoundException(name, store.location());
    }
    return store.read(StoreLayout.backupArchive(name));
  }

  /**
   * The content of a backup's {@code velero-backup.json}.
   *
   * @throws BackupNotFoundException if the backup is not published
   */
  public byte[] readMetadata(String name) {
    String key = StoreLayout.backupMetadata(name);
    try (InputStream in = store.read(key)) {
      return in.readAllBytes();
    } catch (StoreObjectNotFoundException e) {
      throw new BackupNotFoundException(name, store.location());
    } catch (IOException e) {
      throw new StoreException("cannot read '" + key + "' in " + store.location(), e);
    }
  }

  /**
   * Deletes a backup: {@code velero-backup.json} first, so the backup disappears at once, then
   * every other object in its folder, leftovers of a failed publish included.
   *
   * @return whether a published backup was there
   */
  public boolean delete(String name) {
    String metadataKey = StoreLayout.backupMetadata(name);
    boolean published = store.exists(metadataKey);
    store.delete(metadataKey);
    for (String key : store.list(StoreLayout.backupFolder(name))) {
      store.delete(key);
    }
    return published;
  }

  private void write(String key, BodyWriter body, List<String> written) throws IOException {
    store.write(key, body);
    written.add(key);
  }

  private void rollBack(List<String> written, Throwable failure) {
    for (int i = written.size() - 1; i >= 0; i--) {
      try {
        store.delete(written.get(i));
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void requireExtraFilesOf(String name, Map<String, BodyWriter> extraFiles) {
    String folder = StoreLayout.backupFolder(name);
    for (Map.Entry<String, BodyWriter> extra : extraFiles.entrySet()) {
      String key = extra.getKey();
      boolean directlyInFolder =
          key.startsWith(folder)
              && key.length() > folder.length()
              && key.indexOf('/', folder.length()) < 0;
      if (!directlyInFolder
          || key.equals(StoreLayout.backupArchive(name))
          || key.equals(StoreLayout.backupMetadata(name))) {
        throw new IllegalArgumentException(
            "extra file '"
                + key
                + "' must be a file of "
                + folder
                + " other than the archive"
                + " and "
                + StoreLayout.BACKUP_METADATA_FILE);
      }
      Objects.requireNonNull(extra.getValue(), key);
    }
  }
}
