package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.migrate.ClaimedObjects;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the snapshot of an online migration's source, its restart-point backup: each application's
 * namespaced objects, as the plan's selectors claim them (as the cutover did).
 */
final class SnapshotObjects {

  private SnapshotObjects() {}

  /**
   * @return by application; an application without objects is absent
   * @throws IOException when the backup cannot be read from the store
   */
  static Map<String, List<SnapshotObject>> read(MigrationRun run, BackupStore store)
      throws IOException {
    Map<String, List<SnapshotObject>> objects = new HashMap<>();
    Files.createDirectories(run.workFolder());
    try (SpooledBackup backup =
        new ArchiveSpooler()
            .spool(
                BackupSource.published(store, run.sourceBackup()),
                Files.createTempDirectory(run.workFolder(), run.id() + "-rollback-"))) {
      ClaimedObjects.read(
          run.plan(),
          backup,
          (application, groupResource, object) ->
              objects
                  .computeIfAbsent(application, name -> new ArrayList<>())
                  .add(new SnapshotObject(groupResource, object)));
    }
    return objects;
  }
}
