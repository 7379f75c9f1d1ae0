package dev.tugboat.samples.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * JSON merge patch (RFC 7386): objects merge recursively, {@code null} removes a field, anything
 * else (lists included) replaces the value.
 */
final class JsonMergePatch {

  private JsonMergePatch() {}

  /** Returns the patched value; {@code target} is not changed. */
  static JsonElement apply(JsonElement target, JsonElement patch) {
    if (!patch.isJsonObject()) {
      return patch.deepCopy();
    }
    JsonObject result =
        target != null && target.isJsonObject()
            ? target.getAsJsonObject().deepCopy()
            : new JsonObject();
    for (Map.Entry<String, JsonElement> entry : patch.getAsJsonObject().entrySet()) {
      if (entry.getValue().isJsonNull()) {
        result.remove(entry.getKey());
      } else {
        result.add(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
      }
    }
    return result;
  }
}
