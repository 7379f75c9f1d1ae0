package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.store.BodyWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Writes a body and reads it back through gzip, checking that it is one valid gzip stream. */
final class Gzip {

  private Gzip() {}

  static String decompressed(BodyWriter body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith((byte) 0x1f, (byte) 0x8b);
    // GZIPInputStream checks the CRC and length trailer when it reaches the end.
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
