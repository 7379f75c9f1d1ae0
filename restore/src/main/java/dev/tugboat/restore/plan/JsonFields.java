package dev.tugboat.restore.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads fields of an archived item that may be missing or of an unexpected type. */
final class JsonFields {

  private JsonFields() {}

  /**
   * The string at {@code path} below {@code object}, or null when a step is missing or is not of
   * the expected type: an item that lacks a field is decided as if the field were absent.
   */
  static String string(JsonObject object, String... path) {
    JsonElement value = element(object, path);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : null;
  }

  /** The object at {@code path} below {@code object}, or null when missing or not an object. */
  static JsonObject object(JsonObject object, String... path) {
    JsonElement value = element(object, path);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
  }

  /** The array at {@code path} below {@code object}, or null when missing or not an array. */
  static JsonArray array(JsonObject object, String... path) {
    JsonElement value = element(object, path);
    return value != null && value.isJsonArray() ? value.getAsJsonArray() : null;
  }

  private static JsonElement element(JsonObject object, String... path) {
    JsonElement current = object;
    for (String step : path) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(step);
    }
    return current;
  }
}
