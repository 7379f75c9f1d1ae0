package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Null-safe reading and writing of fields of the Kubernetes objects the sandbox keeps as Gson JSON:
 * the one field helper of the sandbox (a test and demo double), used by its API server and by its
 * simulated controllers. Paths are field names, outermost first, e.g. {@code string(pod, "spec",
 * "nodeName")}; parsing and serialising stay in {@code Json}.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The object at a path of fields, or null when any step is absent or not an object. */
  public static JsonObject object(JsonObject root, String... path) {
    JsonObject current = root;
    for (String field : path) {
      if (current == null) {
        return null;
      }
      JsonElement next = current.get(field);
      current = next != null && next.isJsonObject() ? next.getAsJsonObject() : null;
    }
    return current;
  }

  /** The string at a path of fields, or null when absent or not a primitive. */
  public static String string(JsonObject root, String... path) {
    JsonElement value = element(root, path);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  /** The integer at a path of fields, or {@code absent} when absent or not a number. */
  public static long integer(JsonObject root, long absent, String... path) {
    JsonElement value = element(root, path);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
        ? value.getAsLong()
        : absent;
  }

  public static boolean bool(JsonObject root, String... path) {
    JsonElement value = element(root, path);
    return value != null
        && value.isJsonPrimitive()
        && value.getAsJsonPrimitive().isBoolean()
        && value.getAsBoolean();
  }

  /** The object elements of the array at a path of fields; empty when absent. */
  public static List<JsonObject> objects(JsonObject root, String... path) {
    JsonElement value = element(root, path);
    List<JsonObject> objects = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      for (JsonElement item : value.getAsJsonArray()) {
        if (item.isJsonObject()) {
          objects.add(item.getAsJsonObject());
        }
      }
    }
    return objects;
  }

  /** The string elements of the array at a path of fields; empty when absent. */
  public static List<String> strings(JsonObject root, String... path) {
    JsonElement value = element(root, path);
    List<String> strings = new ArrayList<>();
    if (value != null && value.isJsonArray()) {
      for (JsonElement item : value.getAsJsonArray()) {
        if (item.isJsonPrimitive()) {
          strings.add(item.getAsString());
        }
      }
    }
    return strings;
  }

  /** A string-to-string map such as labels, sorted; empty when absent. */
  public static Map<String, String> stringMap(JsonObject root, String... path) {
    JsonObject map = object(root, path);
    Map<String, String> result = new TreeMap<>();
    if (map != null) {
      for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
        if (entry.getValue().isJsonPrimitive()) {
          result.put(entry.getKey(), entry.getValue().getAsString());
        }
      }
    }
    return result;
  }

  /** The object in field {@code name} of {@code parent}, created empty when absent. */
  public static JsonObject child(JsonObject parent, String name) {
    JsonObject existing = object(parent, name);
    if (existing == null) {
      existing = new JsonObject();
      parent.add(name, existing);
    }
    return existing;
  }

  /** The array in field {@code name} of {@code parent}, created empty when absent. */
  public static JsonArray childArray(JsonObject parent, String name) {
    JsonElement existing = parent.get(name);
    if (existing != null && existing.isJsonArray()) {
      return existing.getAsJsonArray();
    }
    JsonArray created = new JsonArray();
    parent.add(name, created);
    return created;
  }

  public static JsonObject stringObject(Map<String, String> values) {
    JsonObject object = new JsonObject();
    values.forEach(object::addProperty);
    return object;
  }

  /**
   * Sets a counter the way Kubernetes serialises an {@code omitempty} integer: absent when zero.
   */
  public static void putCountOmitZero(JsonObject object, String field, long value) {
    if (value == 0) {
      object.remove(field);
    } else {
      object.addProperty(field, value);
    }
  }

  public static String name(JsonObject object) {
    return string(object, "metadata", "name");
  }

  public static String namespace(JsonObject object) {
    return string(object, "metadata", "namespace");
  }

  public static String uid(JsonObject object) {
    return string(object, "metadata", "uid");
  }

  public static Map<String, String> labels(JsonObject object) {
    return stringMap(object, "metadata", "labels");
  }

  /** {@code namespace/name}, for messages and keys. */
  public static String key(JsonObject object) {
    String namespace = namespace(object);
    return namespace == null ? name(object) : namespace + "/" + name(object);
  }

  /**
   * A copy of the element with object keys sorted at every level, so that two equal objects written
   * in different key orders hash alike.
   */
  public static JsonElement canonical(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject sorted = new JsonObject();
      new TreeMap<>(element.getAsJsonObject().asMap())
          .forEach((field, value) -> sorted.add(field, canonical(value)));
      return sorted;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      element.getAsJsonArray().forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    return element;
  }

  private static JsonElement element(JsonObject root, String... path) {
    if (path.length == 0) {
      return root;
    }
    JsonObject parent = object(root, Arrays.copyOf(path, path.length - 1));
    return parent == null ? null : parent.get(path[path.length - 1]);
  }
}
