package dev.tugboat.runner.command;

import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.SortedMap;

/**
 * The files of one published backup in a store, read for the {@code backup} commands. A file that
 * is missing or not in its format is reported as a {@link BackupFileException} naming the backup,
 * the store and the file.
 */
final class PublishedBackup {

  private final BackupStore store;
  private final BackupCatalog catalog;
  private final String name;
  private final StoredFiles files;

  private PublishedBackup(BackupStore store, String name) {
    this.store = store;
    this.catalog = new BackupCatalog(store);
    this.name = name;
    this.files =
        new StoredFiles(store, reason -> new BackupFileException(name, store.location(), reason));
  }

  /**
   * @throws BackupNotFoundException if the store has no published backup of that name
   * @throws IllegalArgumentException if the name is not a valid backup name
   */
  static PublishedBackup find(BackupStore store, String name) {
    PublishedBackup backup = new PublishedBackup(store, name);
    if (!backup.catalog.exists(name)) {
      throw new BackupNotFoundException(name, store.location());
    }
    return backup;
  }

  String name() {
    return name;
  }

  /** The parsed {@code velero-backup.json}. */
  BackupMetadata metadata() {
    try {
      return BackupMetadata.parse(catalog.readMetadata(name));
    } catch (IllegalArgumentException e) {
      throw new BackupFileException(name, store.location(), e.getMessage());
    }
  }

  /** {@code <name>-resource-list.json.gz}: items by {@code <apiVersion>/<Kind>}, types sorted. */
  SortedMap<String, List<String>> resourceList() {
    return files.resourceList(StoreLayout.backupResourceList(name));
  }

  /** {@code <name>-results.gz}. */
  BackupResults results() {
    return files.results(StoreLayout.backupResults(name));
  }

  /** Copies the text of {@code <name>-logs.gz} to {@code out}. */
  void writeLogs(PrintWriter out) {
    files.writeText(StoreLayout.backupLogs(name), out);
  }

  /** Opens {@code <name>.tar.gz}; the caller closes it. */
  InputStream openArchive() {
    try {
      return catalog.openArchive(name);
    } catch (StoreObjectNotFoundException e) {
      throw files.absent(StoreLayout.backupArchive(name));
    }
  }
}
