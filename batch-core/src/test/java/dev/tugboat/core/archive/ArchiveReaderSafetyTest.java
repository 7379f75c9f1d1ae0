package dev.tugboat.core.archive;

import static dev.tugboat.core.archive.Tarballs.bodyless;
import static dev.tugboat.core.archive.Tarballs.file;
import static dev.tugboat.core.archive.Tarballs.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Entries that only crafted archives contain make the whole archive unreadable. */
class ArchiveReaderSafetyTest {

  private static final String ITEM = "resources/pods/namespaces/shop/web-0.json";

  static Stream<Arguments> unsafeEntries() {
    return Stream.of(
        Arguments.of(regularFile("/etc/cron.d/evil", true), "it has an absolute path"),
        Arguments.of(regularFile("../evil.json", false), "its path has a '..' segment"),
        Arguments.of(regularFile("a/../../evil.json", false), "its path has a '..' segment"),
        Arguments.of(
            regularFile("resources/pods/../pods/cluster/web.json", false),
            "its path has a '..' segment"),
        Arguments.of(
            new TarArchiveEntry("../outside/", TarConstants.LF_DIR), "its path has a '..' segment"),
        Arguments.of(
            link(TarConstants.LF_SYMLINK, "/etc/passwd"),
            "it is a symbolic link to '/etc/passwd', not a regular file or directory"),
        Arguments.of(
            link(TarConstants.LF_LINK, "metadata/version"),
            "it is a hard link to 'metadata/version', not a regular file or directory"),
        Arguments.of(
            new TarArchiveEntry(ITEM, TarConstants.LF_CHR),
            "it is a character device, not a regular file or directory"),
        Arguments.of(
            new TarArchiveEntry(ITEM, TarConstants.LF_BLK),
            "it is a block device, not a regular file or directory"),
        Arguments.of(
            new TarArchiveEntry(ITEM, TarConstants.LF_FIFO),
            "it is a FIFO, not a regular file or directory"),
        Arguments.of(
            new TarArchiveEntry(ITEM, TarConstants.LF_CONTIG),
            "it is an entry of tar type '7', not a regular file or directory"));
  }

  @ParameterizedTest
  @MethodSource("unsafeEntries")
  void refusesTheArchiveAtAnUnsafeEntryNamingIt(TarArchiveEntry unsafe, String reason)
      throws Exception {
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, ITEM, "{}");
              bodyless(tar, unsafe);
              file(tar, "resources/pods/namespaces/shop/web-1.json", "{}");
            });

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive))) {
      assertThat(reader.next().path().entryName()).isEqualTo(ITEM);
      assertThatThrownBy(reader::next)
          .isInstanceOf(UnsafeArchiveEntryException.class)
          .hasMessage("Refusing archive entry '" + unsafe.getName() + "': " + reason);
    }
  }

  private static TarArchiveEntry regularFile(String name, boolean preserveAbsolutePath) {
    return new TarArchiveEntry(name, preserveAbsolutePath);
  }

  private static TarArchiveEntry link(byte type, String target) {
    TarArchiveEntry entry = new TarArchiveEntry("resources/pods/cluster/link.json", type);
    entry.setLinkName(target);
    return entry;
  }
}
