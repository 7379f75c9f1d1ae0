package dev.tugboat.restore.source;

import dev.tugboat.core.store.BackupStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One backup spooled once for several readers, such as the restores of a migration's applications,
 * which would otherwise each download, verify and unpack the whole backup again. Its owner creates
 * it, every reader takes the {@link #get() spool} and reads it without closing it, and the owner
 * {@link #close() closes} it when the last reader is done, which deletes the folder.
 *
 * <p>The folder has a fixed name so that it does not pile up: a folder left there by a process that
 * was killed may be half-written, so it is never read but deleted, and the backup spooled again.
 */
public final class SharedSpool implements AutoCloseable {

  private final BackupStore store;
  private final String backup;
  private final Path folder;
  private SpooledBackup spooled;

  /**
   * @param store the store that holds the backup
   * @param backup the published backup's name
   * @param folder where to spool it; whatever is there is deleted first
   */
  public SharedSpool(BackupStore store, String backup, Path folder) {
    this.store = Objects.requireNonNull(store, "store");
    this.backup = Objects.requireNonNull(backup, "backup");
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /** Where the backup is spooled. */
  public Path folder() {
    return folder;
  }

  /** The name of the backup this spool holds. */
  public String backup() {
    return backup;
  }

  /**
   * The spooled backup, spooled on the first call; readers must not close it. Callers on other
   * threads wait for the first call to finish spooling.
   *
   * @throws dev.tugboat.core.store.BackupNotFoundException when the store has no such backup
   * @throws dev.tugboat.core.archive.ArchiveFormatException when the archive is bad, naming the
   *     entry; a later call tries again
   */
  public synchronized SpooledBackup get() throws IOException {
    if (spooled == null) {
      Folders.deleteRecursively(folder);
      spooled = new ArchiveSpooler().spool(BackupSource.published(store, backup), folder);
    }
    return spooled;
  }

  /** Deletes the folder, also one a killed process left; a later {@link #get()} spools again. */
  @Override
  public synchronized void close() throws IOException {
    spooled = null;
    Folders.deleteRecursively(folder);
  }
}
