package dev.tugboat.restore.migrate;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.source.SharedSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The owner of the migration's spool of the backup it restores from: spooled once per attempt of
 * the migration, on first use, and read by every step that needs the backup (the capacity plan,
 * each application's restore, the cutover) instead of each spooling it again; deleted when the
 * attempt ends, however it ends. A resumed migration spools it again: the folder a killed attempt
 * left is deleted, never read.
 */
final class SourceSpool implements JobExecutionListener {

  private final SharedSpool spool;

  SourceSpool(MigrationRun run, BackupStore store) {
    this.spool = new SharedSpool(store, run.sourceBackup(), folder(run));
  }

  /** The spool's folder: one per migration, named after it, in the run's work folder. */
  static Path folder(MigrationRun run) {
    return run.workFolder().resolve(run.id() + ".spool");
  }

  /** The spool, for readers, which must not close it. */
  SharedSpool spool() {
    return spool;
  }

  @Override
  public void afterJob(JobExecution jobExecution) {
    try {
      spool.close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not delete the migration's spool folder " + spool.folder(), e);
    }
  }
}
