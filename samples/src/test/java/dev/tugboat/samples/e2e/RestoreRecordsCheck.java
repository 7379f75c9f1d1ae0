package dev.tugboat.samples.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What a finished restore wrote under {@code restores/<name>/} in the store, read from the raw
 * files as Velero would: Tugboat's summary, the restored resource list, and the log, whose lines
 * say what happened to each item ({@code Restored <item> (<disposition>)}, {@code Not restoring
 * <item>: <reason>}) and carry the warnings and errors.
 *
 * @param summary {@code tugboat-restore.json}
 * @param logged the disposition and message of each item the log names, by item
 * @param warnings the messages of the log's warning lines
 * @param errors the messages of the log's error lines
 * @param resourceList Velero's resource list: {@code <apiVersion>/<Kind>} to entries {@code
 *     namespace/name(outcome)}
 */
record RestoreRecordsCheck(
    JsonObject summary,
    Map<ItemKey, Logged> logged,
    List<String> warnings,
    List<String> errors,
    Map<String, List<String>> resourceList) {

  /** An item's line in the log: its disposition word ({@code created}...) and message. */
  record Logged(String disposition, String message) {}

  private static final Pattern LINE =
      Pattern.compile("time=\"[^\"]*\" level=(\\w+) msg=\"((?:[^\"\\\\]|\\\\.)*)\" restore=.*");
  private static final Pattern RESTORED =
      Pattern.compile("Restored (\\S+) \\(([a-z-]+)(?:: (.*))?\\)", Pattern.DOTALL);
  private static final Pattern NOT_RESTORED =
      Pattern.compile("Not restoring (\\S+): (.*)", Pattern.DOTALL);

  static RestoreRecordsCheck read(StoreContents store, String name) throws IOException {
    String folder = "restores/" + name + "/";
    JsonObject summary =
        JsonParser.parseString(
                new String(store.get(folder + "tugboat-restore.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    Map<ItemKey, Logged> logged = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String line : gunzip(store.get(folder + "restore-" + name + "-logs.gz")).split("\n")) {
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        throw new AssertionError("not a Velero log line: " + line);
      }
      String message = unquote(matcher.group(2));
      switch (matcher.group(1)) {
        case "warning" -> warnings.add(message);
        case "error" -> errors.add(message);
        default -> addItem(message, logged);
      }
    }
    Map<String, List<String>> resourceList = new TreeMap<>();
    JsonObject list =
        JsonParser.parseString(
                gunzip(store.get(folder + "restore-" + name + "-resource-list.json.gz")))
            .getAsJsonObject();
    list.entrySet()
        .forEach(
            type -> {
              List<String> entries = new ArrayList<>();
              type.getValue().getAsJsonArray().forEach(entry -> entries.add(entry.getAsString()));
              resourceList.put(type.getKey(), entries);
            });
    return new RestoreRecordsCheck(summary, logged, warnings, errors, resourceList);
  }

  /** The summary's count of items with each disposition, e.g. {@code {created=12, unchanged=3}}. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    summary
        .getAsJsonObject("items")
        .entrySet()
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue().getAsLong()));
    return counts;
  }

  String phase() {
    return summary.get("phase").getAsString();
  }

  /** The items the log gives this disposition, e.g. {@code created}. */
  Map<ItemKey, String> withDisposition(String disposition) {
    Map<ItemKey, String> items = new TreeMap<>();
    logged.forEach(
        (key, item) -> {
          if (item.disposition().equals(disposition)) {
            items.put(key, item.message());
          }
        });
    return items;
  }

  private static void addItem(String message, Map<ItemKey, Logged> logged) {
    Matcher restored = RESTORED.matcher(message);
    Matcher notRestored = NOT_RESTORED.matcher(message);
    if (restored.matches()) {
      String reason = restored.group(3) == null ? "" : restored.group(3);
      put(logged, itemKey(restored.group(1)), new Logged(restored.group(2), reason));
    } else if (notRestored.matches()) {
      put(logged, itemKey(notRestored.group(1)), new Logged("not-restored", notRestored.group(2)));
    }
  }

  private static void put(Map<ItemKey, Logged> logged, ItemKey key, Logged item) {
    if (logged.put(key, item) != null) {
      throw new AssertionError("the restore log names " + key + " twice");
    }
  }

  /** {@code <group resource>/<namespace>/<name>}, or {@code <group resource>/<name>}. */
  static ItemKey itemKey(String described) {
    String[] parts = described.split("/", 3);
    return parts.length == 3
        ? new ItemKey(parts[0], parts[1], parts[2])
        : new ItemKey(parts[0], "", parts[1]);
  }

  /** Undoes Go's {@code %q} for the escapes the log uses. */
  private static String unquote(String quoted) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char escaped = quoted.charAt(++i);
      text.append(
          switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> escaped;
          });
    }
    return text.toString();
  }

  static String gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
