package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed reads of optional fields in the JSON files of a backup. Each method takes the parent object
 * and the field's full path (e.g. {@code status.progress.itemsBackedUp}), reads the field named by
 * the path's last segment, and names the path when the value has the wrong type: a backup written
 * by another tool must give a clear reason, never a Gson stack trace.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The object at {@code path}; an empty object when absent or null. */
  public static JsonObject object(JsonObject parent, String path) {
    JsonElement value = parent.get(field(path));
    if (value == null || value.isJsonNull()) {
      return new JsonObject();
    }
    if (!value.isJsonObject()) {
      throw wrongType(path, "an object");
    }
    return value.getAsJsonObject();
  }

  /** The string at {@code path}; null when absent or null. */
  public static String text(JsonObject parent, String path) {
    return text(parent.get(field(path)), path);
  }

  /** The list of strings at {@code path}; empty when absent or null (Go writes empty lists so). */
  public static List<String> texts(JsonObject parent, String path) {
    return texts(parent.get(field(path)), path);
  }

  /** The list of strings {@code value}, found at {@code path}; empty when absent or null. */
  public static List<String> texts(JsonElement value, String path) {
    if (value == null || value.isJsonNull()) {
      return List.of();
    }
    if (!value.isJsonArray()) {
      throw wrongType(path, "a list of strings");
    }
    JsonArray array = value.getAsJsonArray();
    List<String> texts = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      texts.add(text(array.get(i), path + "[" + i + "]"));
    }
    return texts;
  }

  /** The string-to-string map at {@code path} (labels, annotations), sorted; empty when absent. */
  public static SortedMap<String, String> textMap(JsonObject parent, String path) {
    SortedMap<String, String> map = new TreeMap<>();
    for (Map.Entry<String, JsonElement> entry : object(parent, path).entrySet()) {
      map.put(entry.getKey(), text(entry.getValue(), path + "[" + entry.getKey() + "]"));
    }
    return map;
  }

  /** The whole number at {@code path}; 0 when absent or null (Go leaves zero counts out). */
  public static int count(JsonObject parent, String path) {
    JsonElement value = parent.get(field(path));
    if (value == null || value.isJsonNull()) {
      return 0;
    }
    if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
      throw wrongType(path, "a number");
    }
    try {
      return primitive.getAsBigDecimal().intValueExact();
    } catch (ArithmeticException e) {
      throw wrongType(path, "a whole number");
    }
  }

  /** The boolean at {@code path}; null when absent or null. */
  public static Boolean flag(JsonObject parent, String path) {
    JsonElement value = parent.get(field(path));
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!(value instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
      throw wrongType(path, "true or false");
    }
    return primitive.getAsBoolean();
  }

  private static String text(JsonElement value, String path) {
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
      throw wrongType(path, "a string");
    }
    return primitive.getAsString();
  }

  private static String field(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  private static IllegalArgumentException wrongType(String path, String expected) {
    return new IllegalArgumentException(path + " is not " + expected);
  }
}
