package dev.tugboat.backup.publish;

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
 * {@code <name>-logs.gz}: what {@code tugboat backup logs} and {@code velero backup logs} print, in
 * Velero's logrus text format ({@code time="…" level=info msg="…" backup=velero/<name>}). Written
 * from the facts the job recorded (the plan, each partition's outcome), so that a backup resumed
 * after a crash gets one coherent log. Never holds object contents.
 */
public final class BackupLog implements BodyWriter {

  private final String backup;
  private final Clock clock;
  private final List<String> lines = new ArrayList<>();

  public BackupLog(String backup, Clock clock) {
    this.backup = backup;
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
            + " backup=velero/"
            + backup);
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
