package dev.tugboat.restore.source;

import static dev.tugboat.restore.source.ArchiveSpoolerTest.publish;
import static dev.tugboat.restore.source.ArchiveSpoolerTest.readAll;
import static dev.tugboat.restore.source.ArchiveSpoolerTest.sha256;
import static dev.tugboat.restore.source.TestArchives.tugboatArchive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.core.store.LocalBackupStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared spool is spooled once for all its readers, never trusts a folder a killed process left,
 * and is deleted by its owner.
 */
class SharedSpoolTest {

  private static final String POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0','namespace':'shop'}}";

  /** The pod as {@link TestArchives#describe} shows it. */
  private static final String POD_READ_BACK = "pods v1 Pod shop/web-0 " + POD;

  @TempDir Path temp;

  private LocalBackupStore store;
  private Path folder;

  @BeforeEach
  void publishBackup() throws Exception {
    store = new LocalBackupStore(temp.resolve("store"));
    byte[] archive = podArchive();
    publish(store, "b1", archive, sha256(archive));
    folder = temp.resolve("work").resolve("m1.spool");
  }

  @Test
  void everyReaderGetsTheOneSpool() throws Exception {
    try (SharedSpool shared = new SharedSpool(store, "b1", folder)) {
      SpooledBackup first = shared.get();

      assertThat(shared.get()).isSameAs(first);
      assertThat(readAll(first, "pods")).containsExactly(POD_READ_BACK);
      assertThat(folder).isDirectory();
    }
  }

  @Test
  void aFolderAKilledProcessLeftIsDeletedAndTheBackupSpooledAgain() throws Exception {
    Files.createDirectories(folder);
    Path leftover = Files.writeString(folder.resolve("half-written"), "{", StandardCharsets.UTF_8);

    try (SharedSpool shared = new SharedSpool(store, "b1", folder)) {
      SpooledBackup spooled = shared.get();

      assertThat(leftover).doesNotExist();
      assertThat(spooled.groupResources()).containsOnlyKeys("pods");
      assertThat(readAll(spooled, "pods")).containsExactly(POD_READ_BACK);
    }
  }

  @Test
  void closingDeletesTheFolderAndALaterReaderSpoolsAgain() throws Exception {
    SharedSpool shared = new SharedSpool(store, "b1", folder);
    SpooledBackup first = shared.get();

    shared.close();

    assertThat(folder).doesNotExist();
    SpooledBackup second = shared.get();
    assertThat(second).isNotSameAs(first);
    assertThat(readAll(second, "pods")).containsExactly(POD_READ_BACK);
    shared.close();
    assertThat(folder).doesNotExist();
  }

  @Test
  void closingWithoutReadersDeletesAFolderAKilledProcessLeft() throws Exception {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("half-written"), "{", StandardCharsets.UTF_8);

    new SharedSpool(store, "b1", folder).close();

    assertThat(folder).doesNotExist();
  }

  @Test
  void aBadArchiveFailsTheReaderAndLeavesNoFolder() throws Exception {
    byte[] archive = podArchive();
    publish(store, "b2", archive, "00");

    try (SharedSpool shared = new SharedSpool(store, "b2", folder)) {
      assertThatThrownBy(shared::get)
          .isInstanceOf(ArchiveFormatException.class)
          .hasMessage(
              "The archive of backup 'b2' in "
                  + store.location()
                  + " does not match its tugboat.dev/sha256 annotation: the annotation says 00,"
                  + " the archive's SHA-256 is "
                  + sha256(archive));
      assertThat(folder).doesNotExist();
    }
  }

  private static byte[] podArchive() throws Exception {
    return tugboatArchive(
        writer ->
            writer.writeItem(
                "pods",
                "v1",
                "shop",
                "web-0",
                POD.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
  }
}
