package dev.tugboat.restore.migrate.rollback;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.source.ArchiveSpooler;
import dev.tugboat.restore.source.BackupSource;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    ApplicationClaims claims = new ApplicationClaims(run.plan());
    Files.createDirectories(run.workFolder());
    try (SpooledBackup backup =
        new ArchiveSpooler()
            .spool(
                BackupSource.published(store, run.sourceBackup()),
                Files.createTempDirectory(run.workFolder(), run.id() + "-rollback-"))) {
      for (String groupResource : backup.groupResources().keySet()) {
        if (RestoreSkips.isNeverRestored(groupResource)) {
          continue;
        }
        backup.read(
            groupResource,
            item -> {
              if (item.namespace().isEmpty()) {
                return;
              }
              JsonObject object =
                  JsonParser.parseString(new String(item.json(), StandardCharsets.UTF_8))
                      .getAsJsonObject();
              claims
                  .claimant(object)
                  .ifPresent(
                      application ->
                          objects
                              .computeIfAbsent(application, name -> new ArrayList<>())
                              .add(new SnapshotObject(groupResource, object)));
            });
      }
    }
    return objects;
  }
}
