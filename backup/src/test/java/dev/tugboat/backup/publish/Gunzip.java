package dev.tugboat.backup.publish;

import dev.tugboat.core.store.BodyWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Writes a body and reads back its gzip-compressed text. */
final class Gunzip {

  private Gunzip() {}

  static String text(BodyWriter body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
