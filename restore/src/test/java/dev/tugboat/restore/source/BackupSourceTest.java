package dev.tugboat.restore.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.backup.velero.BackupMetadata;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.BackupNotFoundException;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup is read from a store with its metadata, or from a local file without. */
class BackupSourceTest {

  @TempDir Path temp;

  @Test
  void aPublishedBackupExposesItsMetadataAndArchive() throws Exception {
    LocalBackupStore store = new LocalBackupStore(temp);
    ArchiveSpoolerTest.publish(store, "b1", new byte[] {1, 2, 3}, "ab12");

    BackupSource source = BackupSource.published(store, "b1");

    assertThat(source.description()).isEqualTo("backup 'b1' in " + store.location());
    assertThat(source.metadata().map(BackupMetadata::sha256)).contains("ab12");
    try (InputStream archive = source.openArchive()) {
      assertThat(archive.readAllBytes()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aMissingBackupIsNotFound() {
    LocalBackupStore store = new LocalBackupStore(temp);

    assertThatThrownBy(() -> BackupSource.published(store, "gone"))
        .isInstanceOf(BackupNotFoundException.class)
        .hasMessage("backup 'gone' not found in " + store.location());
  }

  @Test
  void aBackupWhoseMetadataIsNotAVeleroBackupIsNamed() throws Exception {
    LocalBackupStore store = new LocalBackupStore(temp);
    new BackupCatalog(store)
        .publish(
            "b1",
            out -> out.write(1),
            Map.of(),
            out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> BackupSource.published(store, "b1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "backup 'b1' in " + store.location() + ": velero-backup.json is not a JSON object");
  }

  @Test
  void aLocalArchiveFileHasNoMetadata() throws Exception {
    Path file = Files.write(temp.resolve("b1-data.tar.gz"), new byte[] {7});

    BackupSource source = BackupSource.file(file);

    assertThat(source.description()).isEqualTo("archive " + file);
    assertThat(source.metadata()).isEmpty();
    try (InputStream archive = source.openArchive()) {
      assertThat(archive.readAllBytes()).containsExactly(7);
    }
  }
}
