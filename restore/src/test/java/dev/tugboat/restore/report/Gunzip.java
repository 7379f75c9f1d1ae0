package dev.tugboat.restore.report;

import dev.tugboat.core.store.BodyWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Reads back gzip-compressed text, from a body or from stored bytes. */
final class Gunzip {

  private Gunzip() {}

  static String text(BodyWriter body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return text(new ByteArrayInputStream(out.toByteArray()));
  }

  /** Reads and closes {@code compressed}; GZIPInputStream checks the CRC trailer at its end. */
  static String text(InputStream compressed) throws IOException {
    try (InputStream in = new GZIPInputStream(compressed)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
