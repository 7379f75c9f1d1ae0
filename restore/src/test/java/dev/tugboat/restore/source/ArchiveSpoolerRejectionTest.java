package dev.tugboat.restore.source;

import static dev.tugboat.restore.source.ArchiveSpoolerTest.publish;
import static dev.tugboat.restore.source.ArchiveSpoolerTest.sha256;
import static dev.tugboat.restore.source.TestArchives.file;
import static dev.tugboat.restore.source.TestArchives.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.archive.ArchiveFormatException;
import dev.tugboat.core.archive.UnsafeArchiveEntryException;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad archive fails the whole spool, naming the entry, and leaves no work folder behind. */
class ArchiveSpoolerRejectionTest {

  private static final String POD_PATH = "resources/pods/namespaces/shop/web-0.json";
  private static final String GOOD_POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0','namespace':'shop'}}";

  @TempDir Path temp;

  private final ArchiveSpooler spooler = new ArchiveSpooler();

  static Stream<Arguments> badItems() {
    return Stream.of(
        Arguments.of(POD_PATH, "[1,2]", "Archive entry '" + POD_PATH + "' is not a JSON object"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-9','namespace':'shop'}}",
            "Archive entry '" + POD_PATH + "' holds an object named 'web-9', not 'web-0'"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0','namespace':'blog'}}",
            "Archive entry '" + POD_PATH + "' holds an object of namespace 'blog', not 'shop'"),
        Arguments.of(
            "resources/namespaces/cluster/shop.json",
            "{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop','namespace':'blog'}}",
            "Archive entry 'resources/namespaces/cluster/shop.json' is cluster-scoped but its object"
                + " is in namespace 'blog'"),
        Arguments.of(
            POD_PATH,
            "{'kind':'Pod','metadata':{'name':'web-0'}}",
            "Archive entry '" + POD_PATH + "' has no apiVersion"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','metadata':{'name':'web-0'}}",
            "Archive entry '" + POD_PATH + "' has no kind"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':{'namespace':'shop'}}",
            "Archive entry '" + POD_PATH + "' metadata has no name"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':[]}",
            "Archive entry '" + POD_PATH + "' has no metadata object"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0','namespace':7}}",
            "Archive entry '" + POD_PATH + "' metadata has a namespace that is not a string"),
        Arguments.of(
            POD_PATH,
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0'}}{}",
            "Archive entry '" + POD_PATH + "' is not valid JSON"));
  }

  @ParameterizedTest
  @MethodSource("badItems")
  void refusesAnArchiveWithABadItemNamingItsEntry(String path, String content, String message)
      throws Exception {
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(
                  tar,
                  "resources/pods/namespaces/shop/web-1.json",
                  GOOD_POD.replace("web-0", "web-1"));
              file(tar, path, content);
            });
    Path work = temp.resolve("work");

    assertThatThrownBy(() -> spooler.spool(BackupSource.file(archive), work))
        .isExactlyInstanceOf(ArchiveFormatException.class)
        .hasMessage(message);
    assertThat(work).doesNotExist();
  }

  @Test
  void refusesAnItemInSingleQuotesSinceGoWouldNotReadIt() throws Exception {
    Path archive =
        archiveFile(
            tar ->
                TestArchives.rawFile(
                    tar, POD_PATH, "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-0'}}"));
    Path work = temp.resolve("work");

    assertThatThrownBy(() -> spooler.spool(BackupSource.file(archive), work))
        .isExactlyInstanceOf(ArchiveFormatException.class)
        .hasMessage("Archive entry '" + POD_PATH + "' is not valid JSON");
    assertThat(work).doesNotExist();
  }

  @Test
  void refusesAPublishedBackupWhoseArchiveDoesNotMatchItsChecksum() throws Exception {
    byte[] archive = tarGz(tar -> file(tar, POD_PATH, GOOD_POD));
    byte[] other = tarGz(tar -> file(tar, POD_PATH, GOOD_POD.replace("shop", "shop ")));
    LocalBackupStore store = new LocalBackupStore(temp.resolve("store"));
    publish(store, "b1", archive, sha256(other));
    Path work = temp.resolve("work");

    assertThatThrownBy(() -> spooler.spool(BackupSource.published(store, "b1"), work))
        .isExactlyInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "The archive of backup 'b1' in "
                + store.location()
                + " does not match its tugboat.dev/sha256 annotation: the annotation says "
                + sha256(other)
                + ", the archive's SHA-256 is "
                + sha256(archive));
    assertThat(work).doesNotExist();
  }

  @Test
  void refusesATruncatedArchiveNamingTheLastEntryRead() throws Exception {
    byte[] whole =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, POD_PATH, GOOD_POD);
            });
    Path archive = temp.resolve("cut.tar.gz");
    Files.write(archive, Arrays.copyOf(whole, whole.length - 20));
    Path work = temp.resolve("work");

    assertThatThrownBy(() -> spooler.spool(BackupSource.file(archive), work))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageStartingWith(
            "Archive is truncated or corrupt while reading entry '" + POD_PATH + "'");
    assertThat(work).doesNotExist();
  }

  @Test
  void refusesAnArchiveWithATraversalEntryNamingIt() throws Exception {
    Path archive =
        archiveFile(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, POD_PATH, GOOD_POD);
              file(tar, "resources/../../etc/evil.json", GOOD_POD);
            });
    Path work = temp.resolve("work");

    assertThatThrownBy(() -> spooler.spool(BackupSource.file(archive), work))
        .isExactlyInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage(
            "Refusing archive entry 'resources/../../etc/evil.json': its path has a '..' segment");
    assertThat(work).doesNotExist();
  }

  private Path archiveFile(TestArchives.TarContent content) throws IOException {
    Path file = temp.resolve("archive.tar.gz");
    Files.write(file, tarGz(content));
    return file;
  }
}
