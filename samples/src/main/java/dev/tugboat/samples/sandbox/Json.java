package dev.tugboat.samples.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing the compact JSON the sandbox stores and serves. */
final class Json {

  /** No HTML escaping: Kubernetes writes {@code <}, {@code >} and {@code =} as they are. */
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private Json() {}

  static byte[] bytes(JsonElement element) {
    return GSON.toJson(element).getBytes(StandardCharsets.UTF_8);
  }

  static String text(JsonElement element) {
    return GSON.toJson(element);
  }

  static JsonObject parseObject(byte[] json) {
    return parseObject(new String(json, StandardCharsets.UTF_8));
  }

  /**
   * @throws ApiError 400 BadRequest when the text is not a JSON object
   */
  static JsonObject parseObject(String json) {
    JsonElement element = parse(json);
    if (!element.isJsonObject()) {
      throw badRequest("expected a JSON object, got: " + abbreviate(json));
    }
    return element.getAsJsonObject();
  }

  /**
   * @throws ApiError 400 BadRequest when the text is not JSON
   */
  static JsonElement parse(String json) {
    try {
      return JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw badRequest("the request body is not valid JSON: " + e.getMessage());
    }
  }

  /** The string at {@code field}, or null when absent, null or not a primitive. */
  static String string(JsonObject object, String field) {
    if (object == null) {
      return null;
    }
    JsonElement value = object.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  /** The object at {@code field}, or null when absent or not an object. */
  static JsonObject object(JsonObject object, String field) {
    if (object == null) {
      return null;
    }
    JsonElement value = object.get(field);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
  }

  /** The object at {@code field}, created empty when absent. */
  static JsonObject objectOrCreate(JsonObject object, String field) {
    JsonObject child = object(object, field);
    if (child == null) {
      child = new JsonObject();
      object.add(field, child);
    }
    return child;
  }

  /** The string at a dotted path such as {@code spec.nodeName}, or null. */
  static String stringAt(JsonObject object, String dottedPath) {
    String[] parts = dottedPath.split("\\.");
    JsonObject current = object;
    for (int i = 0; i < parts.length - 1 && current != null; i++) {
      current = object(current, parts[i]);
    }
    return string(current, parts[parts.length - 1]);
  }

  /** A string-to-string map such as {@code metadata.labels}; empty when absent. */
  static Map<String, String> stringMap(JsonObject object) {
    if (object == null || object.size() == 0) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    object
        .entrySet()
        .forEach(
            entry -> {
              if (entry.getValue().isJsonPrimitive()) {
                map.put(entry.getKey(), entry.getValue().getAsString());
              }
            });
    return Map.copyOf(map);
  }

  private static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
