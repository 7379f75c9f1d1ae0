package dev.tugboat.backup.related;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lenient reads of object fields: a missing or mistyped field reads as empty. */
final class Json {

  private Json() {}

  /** The string at {@code path}, e.g. {@code ("spec", "volumeName")}; empty when absent. */
  static String string(JsonObject object, String... path) {
    JsonElement value = at(object, path);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }

  /** The objects of the array at {@code path}; empty when absent. */
  static List<JsonObject> objects(JsonObject object, String... path) {
    JsonElement value = at(object, path);
    List<JsonObject> objects = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      for (JsonElement element : value.getAsJsonArray()) {
        if (element.isJsonObject()) {
          objects.add(element.getAsJsonObject());
        }
      }
    }
    return objects;
  }

  /** The object's {@code metadata.labels}. */
  static Map<String, String> labels(JsonObject object) {
    JsonElement labels = at(object, "metadata", "labels");
    Map<String, String> map = new HashMap<>();
    if (labels != null && labels.isJsonObject()) {
      labels.getAsJsonObject().entrySet().stream()
          .filter(e -> e.getValue().isJsonPrimitive())
          .forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
    }
    return map;
  }

  private static JsonElement at(JsonObject object, String... path) {
    JsonElement current = object;
    for (String field : path) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(field);
    }
    return current;
  }
}
