package dev.tugboat.core.archive;

import static dev.tugboat.core.archive.Tarballs.file;
import static dev.tugboat.core.archive.Tarballs.gzip;
import static dev.tugboat.core.archive.Tarballs.readAll;
import static dev.tugboat.core.archive.Tarballs.tarGz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

class ArchiveReaderLimitsTest {

  private static final String ITEM = "resources/pods/namespaces/shop/web-0.json";

  @Test
  void refusesAnOversizeEntryByItsHeaderWithoutReadingTheBody() throws Exception {
    // Only the header is present: reading the body first would report truncation instead.
    TarArchiveEntry huge = new TarArchiveEntry(ITEM);
    huge.setSize(ArchiveLimits.DEFAULTS.maxEntryBytes() + 1);
    byte[] header = new byte[512];
    huge.writeEntryHeader(header);

    assertThatThrownBy(() -> readAll(gzip(header)))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Refusing entry '"
                + ITEM
                + "': its header declares 33554433 bytes, more than the limit of 33554432 bytes per"
                + " entry");
  }

  @Test
  void refusesAnEntryThatHoldsMoreThanItsHeaderDeclares() throws Exception {
    // A sparse entry stores 522 bytes and expands to 100,000 on reading.
    byte[] archive = Tarballs.gzip(Tarballs.tar(tar -> sparseFile(tar, ITEM, 100_000)));

    List<ArchivedItem> items = readAll(archive, new ArchiveLimits(100_000, 1 << 20));
    assertThat(items).hasSize(1);
    assertThat(items.get(0).json()).hasSize(100_000).endsWith(ascii("0123456789"));
    assertThatThrownBy(() -> readAll(archive, new ArchiveLimits(99_999, 1 << 20)))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Refusing entry '" + ITEM + "': it holds more than the limit of 99999 bytes per entry");
  }

  @Test
  void refusesAnArchiveWhoseEntriesAddUpToMoreThanTheTotalByTheirHeaders() throws Exception {
    String body = "x".repeat(600);
    byte[] archive =
        tarGz(
            tar -> {
              file(tar, "metadata/version", "1.1.0\n");
              file(tar, "resources/pods/namespaces/shop/web-0.json", body);
              file(tar, "resources/pods/namespaces/shop/web-1.json", body);
              file(tar, "resources/pods/namespaces/shop/web-2.json", body);
            });
    ArchiveLimits limits = new ArchiveLimits(1000, 1500);

    try (ArchiveReader reader = ArchiveReader.open(new ByteArrayInputStream(archive), limits)) {
      assertThat(reader.next().path().name()).isEqualTo("web-0");
      assertThat(reader.next().path().name()).isEqualTo("web-1");
      assertThatThrownBy(reader::next)
          .isInstanceOf(ArchiveFormatException.class)
          .hasMessage(
              "Refusing entry 'resources/pods/namespaces/shop/web-2.json': its 600 bytes would"
                  + " take the archive past the limit of 1500 bytes in total");
    }
  }

  @Test
  void refusesAnArchiveWhoseEntriesAddUpToMoreThanTheTotalByTheirBytes() throws Exception {
    byte[] archive =
        Tarballs.gzip(
            Tarballs.tar(
                tar -> {
                  file(tar, "metadata/version", "1.1.0\n");
                  sparseFile(tar, ITEM, 100_000);
                }));

    assertThatThrownBy(() -> readAll(archive, new ArchiveLimits(1 << 20, 50_000)))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Refusing entry '"
                + ITEM
                + "': the archive holds more than the limit of 50000 bytes in total");
  }

  @Test
  void rejectsLimitsThatCannotWork() {
    assertThatThrownBy(() -> new ArchiveLimits(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Archive limits must be positive and maxEntryBytes at most 2147483639, got"
                + " maxEntryBytes=0, maxTotalBytes=1");
    assertThatThrownBy(() -> new ArchiveLimits(1L << 31, 1L << 40))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ArchiveLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A GNU sparse file (PAX format 1.0) of {@code realSize} bytes: zeros, then {@code 0123456789}.
   * Commons Compress cannot write one, so the PAX header is built by hand.
   */
  private static void sparseFile(TarArchiveOutputStream tar, String name, int realSize)
      throws IOException {
    StringBuilder pax = new StringBuilder();
    for (String record :
        new String[] {
          "GNU.sparse.major=1",
          "GNU.sparse.minor=0",
          "GNU.sparse.name=" + name,
          "GNU.sparse.realsize=" + realSize
        }) {
      // Each record is "<length> <key>=<value>\n", its length counting its own digits.
      int length = record.length() + 2;
      while (String.valueOf(length).length() + record.length() + 2 != length) {
        length++;
      }
      pax.append(length).append(' ').append(record).append('\n');
    }
    writeEntry(
        tar,
        new TarArchiveEntry("PaxHeaders/sparse", TarConstants.LF_PAX_EXTENDED_HEADER_LC),
        ascii(pax.toString()));

    // The data starts with the sparse map: one segment of 10 bytes at the very end of the file.
    byte[] map = new byte[512];
    byte[] segments = ascii("1\n" + (realSize - 10) + "\n10\n");
    System.arraycopy(segments, 0, map, 0, segments.length);
    byte[] data = new byte[512 + 10];
    System.arraycopy(map, 0, data, 0, 512);
    System.arraycopy(ascii("0123456789"), 0, data, 512, 10);
    writeEntry(tar, new TarArchiveEntry(name), data);
  }

  private static void writeEntry(TarArchiveOutputStream tar, TarArchiveEntry entry, byte[] content)
      throws IOException {
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
