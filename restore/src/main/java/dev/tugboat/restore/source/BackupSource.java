package dev.tugboat.restore.source;

import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.BackupStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a restore reads a backup from: a backup published in a store, or a local {@code .tar.gz}
 * file (which has no {@code velero-backup.json}).
 */
public sealed interface BackupSource {

  /**
   * A published backup. Reads its {@code velero-backup.json} now, so that a missing backup fails
   * before any work starts.
   *
   * @throws BackupNotFoundException if the store holds no published backup of that name
   * @throws IllegalArgumentException if its {@code velero-backup.json} is not a Velero Backup
   */
  static BackupSource published(BackupStore store, String name) {
    BackupCatalog catalog = new BackupCatalog(store);
    byte[] json = catalog.readMetadata(name);
    BackupMetadata metadata;
    try {
      metadata = BackupMetadata.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "backup '" + name + "' in " + store.location() + ": " + e.getMessage(), e);
    }
    return new Published(catalog, store.location(), name, metadata);
  }

  /** A backup archive in a local file, such as one {@code velero backup download} saved. */
  static BackupSource file(Path archive) {
    return new ArchiveFile(archive);
  }

  /** What the backup is called in messages, e.g. {@code backup 'b1' in /var/tugboat}. */
  String description();

  /** The backup's {@code velero-backup.json}; empty for a local archive file. */
  Optional<BackupMetadata> metadata();

  /** Opens the archive's bytes; the caller closes the stream. */
  InputStream openArchive() throws IOException;

  /** A backup published in a store. */
  record Published(
      BackupCatalog catalog, String location, String name, BackupMetadata backupMetadata)
      implements BackupSource {

    public Published {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(backupMetadata, "backupMetadata");
    }

    @Override
    public String description() {
      return "backup '" + name + "' in " + location;
    }

    @Override
    public Optional<BackupMetadata> metadata() {
      return Optional.of(backupMetadata);
    }

    @Override
    public InputStream openArchive() {
      return catalog.openArchive(name);
    }
  }

  /** A backup archive in a local file. */
  record ArchiveFile(Path file) implements BackupSource {

    public ArchiveFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String description() {
      return "archive " + file;
    }

    @Override
    public Optional<BackupMetadata> metadata() {
      return Optional.empty();
    }

    @Override
    public InputStream openArchive() throws IOException {
      return Files.newInputStream(file);
    }
  }
}
