package dev.tugboat.restore.modifiers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** Finds values in a Gson tree by the tokens of a {@link JsonPointer}. */
final class JsonTree {

  private JsonTree() {}

  /** The value the tokens lead to, or empty when a key or index on the way does not exist. */
  static Optional<JsonElement> find(JsonElement root, List<String> tokens) {
    JsonElement current = root;
    for (String token : tokens) {
      if (current.isJsonObject()) {
        current = current.getAsJsonObject().get(token);
      } else if (current.isJsonArray()) {
        JsonArray array = current.getAsJsonArray();
        int index = arrayIndex(token);
        current = index >= 0 && index < array.size() ? array.get(index) : null;
      } else {
        current = null;
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /** Whether the value at the pointer equals {@code expected}; a missing value equals only null. */
  static boolean holds(JsonObject root, JsonPointer path, JsonElement expected) {
    return find(root, path.tokens()).orElse(JsonNull.INSTANCE).equals(expected);
  }

  /** The array index a token denotes: decimal digits without a leading zero (RFC 6901), else -1. */
  static int arrayIndex(String token) {
    boolean decimal =
        token.matches("0|[1-9][0-9]{0,8}"); // nine digits keep the value inside an int
    return decimal ? Integer.parseInt(token) : -1;
  }
}
