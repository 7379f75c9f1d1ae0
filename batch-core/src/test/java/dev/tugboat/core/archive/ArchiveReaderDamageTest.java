package dev.tugboat.core.archive;

import static dev.tugboat.core.archive.Tarballs.describe;
import static dev.tugboat.core.archive.Tarballs.file;
import static dev.tugboat.core.archive.Tarballs.gzip;
import static dev.tugboat.core.archive.Tarballs.headerOffset;
import static dev.tugboat.core.archive.Tarballs.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A damaged archive is always an error naming where it broke, never a short clean read. */
class ArchiveReaderDamageTest {

  private static final String WEB_0 = "resources/pods/namespaces/shop/web-0.json";
  private static final String WEB_1 = "resources/pods/namespaces/shop/web-1.json";

  /** Says where the damage is: an entry, or before any entry. */
  private static final String NAMES_A_PLACE =
      "(?s).*(entry '(metadata/version|resources/[^']+)'|before the first entry).*";

  private static byte[] tar() throws IOException {
    return Tarballs.tar(
        tar -> {
          file(tar, "metadata/version", "1.1.0\n");
          file(tar, WEB_0, "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\"}}".repeat(40));
          file(tar, WEB_1, "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-1\"}}".repeat(40));
        });
  }

  @Test
  void everySingleByteCorruptionIsReportedOrHarmless() throws Exception {
    byte[] archive = gzip(tar());
    List<String> intact = describe(readAll(archive));
    int reported = 0;

    for (int offset = 0; offset < archive.length; offset++) {
      byte[] damaged = archive.clone();
      damaged[offset] ^= (byte) 0xff;
      List<String> read;
      try {
        read = describe(readAll(damaged));
      } catch (ArchiveFormatException e) {
        assertThat(e.getMessage()).as("offset %d", offset).matches(NAMES_A_PLACE);
        reported++;
        continue;
      }
      // Some header bytes (modification time, OS) carry no data: then the read must be exact.
      assertThat(read).as("offset %d", offset).isEqualTo(intact);
    }

    assertThat(reported).isGreaterThan(archive.length - 20);
  }

  @Test
  void corruptionInTheMiddleIsReportedAsCorrupt() throws Exception {
    byte[] archive = gzip(tar());
    for (int offset = archive.length / 2 - 2; offset < archive.length / 2 + 2; offset++) {
      archive[offset] ^= (byte) 0x5a;
    }

    assertThatThrownBy(() -> readAll(archive))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageContaining("corrupt")
        .hasMessageMatching(NAMES_A_PLACE);
  }

  @Test
  void everyCutOfTheGzipStreamIsReportedAsTruncated() throws Exception {
    byte[] archive = gzip(tar());

    for (int length = 0; length < archive.length; length++) {
      byte[] cut = Arrays.copyOf(archive, length);
      ArchiveFormatException e =
          catchThrowableOfType(ArchiveFormatException.class, () -> readAll(cut));

      assertThat(e).as("cut at %d", length).isNotNull();
      assertThat(e.getMessage())
          .as("cut at %d", length)
          .contains("truncated")
          .matches(NAMES_A_PLACE);
    }
  }

  @Test
  void anEmptyStreamIsTruncatedBeforeTheFirstEntry() {
    assertThatThrownBy(() -> readAll(new byte[0]))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessageStartingWith("Archive is truncated or corrupt before the first entry: ");
  }

  @Test
  void aTarCutInsideAnEntryBodyNamesTheEntry() throws Exception {
    byte[] tar = tar();
    int cut = headerOffset(tar, WEB_1) + 512 + 300;

    assertThatThrownBy(() -> readAll(gzip(Arrays.copyOf(tar, cut))))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage(
            "Archive is truncated or corrupt while reading entry '"
                + WEB_1
                + "': Truncated TAR archive");
  }

  @Test
  void aTarCutInsideAHeaderNamesThePreviousEntry() throws Exception {
    byte[] tar = tar();
    int cut = headerOffset(tar, WEB_1) + 200;

    assertThatThrownBy(() -> readAll(gzip(Arrays.copyOf(tar, cut))))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage("Archive is truncated: no end-of-archive marker after entry '" + WEB_0 + "'");
  }

  @Test
  void aTarCutBetweenEntriesIsNotACleanEnd() throws Exception {
    byte[] tar = tar();
    int cut = headerOffset(tar, WEB_1);

    assertThatThrownBy(() -> readAll(gzip(Arrays.copyOf(tar, cut))))
        .isInstanceOf(ArchiveFormatException.class)
        .hasMessage("Archive is truncated: no end-of-archive marker after entry '" + WEB_0 + "'");
  }
}
