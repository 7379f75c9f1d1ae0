package dev.tugboat.backup.velero;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Velero's {@code ToJSONGzip}: compact JSON and a newline (what Go's {@code json.Encoder} writes),
 * in one gzip stream: the format of every {@code .json.gz} and {@code -results.gz} file of a backup
 * or restore.
 */
public final class GzipJson {

  private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

  private GzipJson() {}

  /** Writes and finishes the gzip stream, closing {@code out}, which a store body may do. */
  public static void write(JsonElement json, OutputStream out) throws IOException {
    try (Writer writer =
        new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
      COMPACT.toJson(json, writer);
      writer.write('\n');
    }
  }
}
