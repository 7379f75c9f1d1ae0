package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VeleroLogTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:34:56.789Z"), ZoneOffset.UTC);

  @Test
  void writesOneLogrusLinePerMessageWithTheTimeInSeconds() throws IOException {
    VeleroLog log = new VeleroLog("backup", "nightly", CLOCK);
    log.info("Backing up everything");
    log.warning("Skipping bindings: the API does not allow list");
    log.error("LIST v1 secrets failed: HTTP 403 Forbidden");

    assertThat(Gzip.decompressed(log))
        .isEqualTo(
            """
            time="2026-03-01T12:34:56Z" level=info msg="Backing up everything" backup=velero/nightly
            time="2026-03-01T12:34:56Z" level=warning msg="Skipping bindings: the API does not allow list" backup=velero/nightly
            time="2026-03-01T12:34:56Z" level=error msg="LIST v1 secrets failed: HTTP 403 Forbidden" backup=velero/nightly
            """);
  }

  @Test
  void quotesMessagesAsGoDoes() throws IOException {
    VeleroLog log = new VeleroLog("backup", "nightly", CLOCK);
    log.info("say \"hi\" to C:\\temp\nnext\tcolumn\rback\u0001\u0007\u000b\u007f é");

    assertThat(Gzip.decompressed(log))
        .isEqualTo(
            "time=\"2026-03-01T12:34:56Z\" level=info"
                + " msg=\"say \\\"hi\\\" to C:\\\\temp\\nnext\\tcolumn\\rback\\x01\\a\\v\\x7f é\""
                + " backup=velero/nightly\n");
  }

  @Test
  void namesWhatTheLogIsAboutInTheOwnerField() throws IOException {
    VeleroLog log = new VeleroLog("restore", "nightly-to-staging", CLOCK);
    log.info("Restored 3 items");

    assertThat(Gzip.decompressed(log))
        .isEqualTo(
            "time=\"2026-03-01T12:34:56Z\" level=info msg=\"Restored 3 items\""
                + " restore=velero/nightly-to-staging\n");
  }

  @Test
  void anEmptyLogIsAnEmptyGzipStream() throws IOException {
    assertThat(Gzip.decompressed(new VeleroLog("backup", "nightly", CLOCK))).isEmpty();
  }
}
