package dev.tugboat.samples.sandbox.seed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Builds Gson trees from Java values in one expression, so that manifests read like the YAML they
 * stand for: {@code object("name", "web", "replicas", 3)}.
 */
final class JsonBuilder {

  private JsonBuilder() {}

  /** An object from alternating keys and values (strings, numbers or Gson trees). */
  static JsonObject object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Keys and values must come in pairs, got " + keysAndValues.length + " arguments");
    }
    JsonObject object = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.add((String) keysAndValues[i], element(keysAndValues[i + 1]));
    }
    return object;
  }

  static JsonArray array(Object... values) {
    JsonArray array = new JsonArray();
    for (Object value : values) {
      array.add(element(value));
    }
    return array;
  }

  private static JsonElement element(Object value) {
    if (value instanceof JsonElement element) {
      return element;
    }
    if (value instanceof String string) {
      return new JsonPrimitive(string);
    }
    if (value instanceof Number number) {
      return new JsonPrimitive(number);
    }
    throw new IllegalArgumentException("Cannot write " + value + " as JSON");
  }
}
