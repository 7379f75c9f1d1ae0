package dev.tugboat.restore.migrate;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.file.Files;

/** Unpacks the backup a migration restores from, for the steps that read it themselves. */
final class SourceBackups {

  private SourceBackups() {}

  /**
   * Unpacks it, checked entry by entry, into a fresh folder of the run's work folder; the caller
   * closes it, which deletes the folder.
   */
  static SpooledBackup spool(MigrationRun run, BackupStore store) throws IOException {
    Files.createDirectories(run.workFolder());
    return new ArchiveSpooler()
        .spool(
            BackupSource.published(store, run.sourceBackup()),
            Files.createTempDirectory(run.workFolder(), run.id() + "-"));
  }
}
