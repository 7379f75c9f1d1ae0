package dev.tugboat.backup.velero;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts of a published backup that Tugboat reports, read from its {@code velero-backup.json}
 * (Tugboat's or Velero's): absent fields read as empty or zero, as Velero's {@code omitempty}
 * leaves them out.
 *
 * @param name {@code metadata.name}
 * @param phase {@code status.phase}, e.g. {@code Completed}
 * @param itemsBackedUp {@code status.progress.itemsBackedUp}
 * @param errors {@code status.errors}
 * @param warnings {@code status.warnings}
 * @param started {@code status.startTimestamp}, RFC 3339, or empty
 * @param completed {@code status.completionTimestamp}, or empty
 * @param expiration {@code status.expiration}, or empty for never
 * @param annotations {@code metadata.annotations}
 */
public record PublishedBackup(
    String name,
    String phase,
    long itemsBackedUp,
    long errors,
    long warnings,
    String started,
    String completed,
    String expiration,
    Map<String, String> annotations) {

  public PublishedBackup {
    annotations = Map.copyOf(annotations);
  }

  /**
   * @throws IllegalArgumentException when the text is not a Backup object
   */
  public static PublishedBackup read(byte[] veleroBackupJson) {
    JsonObject backup;
    try {
      JsonElement parsed =
          JsonParser.parseString(new String(veleroBackupJson, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("velero-backup.json is not a JSON object");
      }
      backup = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("velero-backup.json is not JSON: " + e.getMessage(), e);
    }
    if (!"Backup".equals(text(backup, "kind"))) {
      throw new IllegalArgumentException(
          "velero-backup.json holds a " + text(backup, "kind") + ", not a Backup");
    }
    JsonObject metadata = object(backup, "metadata");
    JsonObject status = object(backup, "status");
    Map<String, String> annotations = new TreeMap<>();
    object(metadata, "annotations")
        .entrySet()
        .forEach(entry -> annotations.put(entry.getKey(), entry.getValue().getAsString()));
    return new PublishedBackup(
        text(metadata, "name"),
        text(status, "phase"),
        number(object(status, "progress"), "itemsBackedUp"),
        number(status, "errors"),
        number(status, "warnings"),
        text(status, "startTimestamp"),
        text(status, "completionTimestamp"),
        text(status, "expiration"),
        annotations);
  }

  private static JsonObject object(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  private static String text(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }

  private static long number(JsonObject parent, String field) {
    JsonElement value = parent.get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
        ? value.getAsLong()
        : 0;
  }
}
