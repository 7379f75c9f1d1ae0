package dev.tugboat.backup.velero;

import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A backup's {@code <name>-logs.gz} or a restore's {@code restore-<name>-logs.gz}: what {@code
 * velero backup logs} and {@code velero restore logs} (and Tugboat's own commands) print, in
 * Velero's logrus text format, e.g. {@code time="…" level=info msg="…" backup=velero/<name>}.
 * Written from the facts the job recorded rather than streamed while it runs, so that a job resumed
 * after a crash gets one coherent log. Never holds object contents. Not thread-safe.
 */
public final class VeleroLog implements BodyWriter {

  private final String ownerField;
  private final String owner;
  private final Clock clock;
  private final List<String> lines = new ArrayList<>();

  /**
   * @param ownerField the field naming what the log is about, as Velero's logger sets it: {@code
   *     backup} or {@code restore}
   * @param owner the backup's or restore's name; the field's value is {@code velero/<owner>}, the
   *     Velero namespace and that name, as in Velero's own logs
   * @param clock the time stamped on each line as it is added
   */
  public VeleroLog(String ownerField, String owner, Clock clock) {
    this.ownerField = ownerField;
    this.owner = owner;
    this.clock = clock;
  }

  public void info(String message) {
    add("info", message);
  }

  public void warning(String message) {
    add("warning", message);
  }

  public void error(String message) {
    add("error", message);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (Writer writer =
        new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8)) {
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    }
  }

  private void add(String level, String message) {
    lines.add(
        "time=\""
            + clock.instant().truncatedTo(ChronoUnit.SECONDS)
            + "\" level="
            + level
            + " msg="
            + quote(message)
            + " "
            + ownerField
            + "=velero/"
            + owner);
  }

  /** Go's {@code %q}, as logrus quotes: backslashes and quotes escaped, control characters too. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        case '\b' -> quoted.append("\\b");
        case '\f' -> quoted.append("\\f");
        case 0x07 -> quoted.append("\\a");
        case 0x0b -> quoted.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
