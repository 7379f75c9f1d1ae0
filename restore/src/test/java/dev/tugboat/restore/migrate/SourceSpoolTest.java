package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The migration's spool is of the backup it restores from, named after it, and ends with it. */
class SourceSpoolTest {

  @TempDir Path temp;

  @Test
  void theSpoolOfTheSourceBackupIsDeletedWhenTheMigrationEnds() throws Exception {
    LocalBackupStore store = new LocalBackupStore(temp.resolve("store"));
    publishEmptyBackup(store, "nightly");
    MigrationRun run =
        new MigrationRun(
            MigrationPlanParser.parse(
                """
                apiVersion: tugboat.dev/v1
                kind: MigrationPlan
                name: move-shop
                target: {context: standby}
                source: {backup: nightly}
                applications:
                - name: shop
                  selector: {namespaces: [shop]}
                """),
            store.location(),
            null,
            null,
            10,
            10,
            temp.resolve("work"));
    SourceSpool owner = new SourceSpool(run, store);

    owner.spool().get();

    assertThat(owner.spool().backup()).isEqualTo("nightly");
    assertThat(owner.spool().folder()).isEqualTo(temp.resolve("work").resolve("move-shop.spool"));
    assertThat(owner.spool().folder()).isDirectory();
    owner.afterJob(new JobExecution(1, new JobInstance(1, "migration"), new JobParameters()));
    assertThat(owner.spool().folder()).doesNotExist();
  }

  private static void publishEmptyBackup(LocalBackupStore store, String name) throws Exception {
    new BackupCatalog(store)
        .publish(
            name,
            out -> {
              try (ArchiveWriter writer =
                  ArchiveWriter.open(
                      out, Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC))) {
                writer.finish();
              }
            },
            Map.of(),
            out ->
                out.write(
                    ("{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\","
                            + "\"metadata\":{\"name\":\""
                            + name
                            + "\"}}")
                        .getBytes(StandardCharsets.UTF_8)));
  }
}
