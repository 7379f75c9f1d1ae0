package dev.tugboat.backup.velero;

import com.google.gson.JsonObject;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A backup's {@code backups/<name>/<name>-results.gz} or a restore's {@code
 * restores/<name>/restore-<name>-results.gz}, which {@code velero backup describe} and {@code
 * velero restore describe} show: {@code {"errors":Result,"warnings":Result}} as gzip of compact
 * JSON and a newline. With nothing reported it is {@code {"errors":{},"warnings":{}}}. Not
 * thread-safe.
 */
public final class ResultsDocument implements BodyWriter {

  private final Result errors = new Result();
  private final Result warnings = new Result();

  /** The errors, to add to. */
  public Result errors() {
    return errors;
  }

  /** The warnings, to add to. */
  public Result warnings() {
    return warnings;
  }

  /** Writes the gzip-compressed document. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    JsonObject json = new JsonObject();
    json.add("errors", errors.toJson());
    json.add("warnings", warnings.toJson());
    GzipJson.write(json, out);
  }
}
