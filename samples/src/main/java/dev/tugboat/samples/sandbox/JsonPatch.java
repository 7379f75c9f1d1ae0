package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON patch (RFC 6902): a list of {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test} operations addressed by JSON pointers (RFC 6901).
 */
final class JsonPatch {

  private JsonPatch() {}

  /**
   * Returns the patched document; {@code target} is not changed.
   *
   * @throws ApiError 422 Invalid when an operation is malformed, its path does not exist or a
   *     {@code test} fails; the whole patch is then refused
   */
  static JsonElement apply(JsonElement target, JsonArray operations) {
    JsonElement document = target.deepCopy();
    for (JsonElement element : operations) {
      if (!element.isJsonObject()) {
        throw invalid("each JSON patch operation must be an object, got " + element);
      }
      document = applyOne(document, element.getAsJsonObject());
    }
    return document;
  }

  private static JsonElement applyOne(JsonElement document, JsonObject operation) {
    String op = required(operation, "op");
    String path = required(operation, "path");
    switch (op) {
      case "add" -> {
        return add(document, path, value(operation));
      }
      case "remove" -> {
        remove(document, path);
        return document;
      }
      case "replace" -> {
        if (path.isEmpty()) {
          return value(operation);
        }
        remove(document, path);
        return add(document, path, value(operation));
      }
      case "move" -> {
        String from = required(operation, "from");
        JsonElement moved = get(document, from);
        remove(document, from);
        return add(document, path, moved);
      }
      case "copy" -> {
        return add(document, path, get(document, required(operation, "from")).deepCopy());
      }
      case "test" -> {
        JsonElement actual = get(document, path);
        if (!actual.equals(value(operation))) {
          throw invalid(
              "test operation failed: " + path + " is " + actual + ", not " + value(operation));
        }
        return document;
      }
      default -> throw invalid("unknown JSON patch operation \"" + op + "\"");
    }
  }

  private static JsonElement add(JsonElement document, String path, JsonElement value) {
    if (path.isEmpty()) {
      return value;
    }
    List<String> tokens = tokens(path);
    JsonElement parent = resolve(document, tokens.subList(0, tokens.size() - 1), path);
    String last = tokens.get(tokens.size() - 1);
    if (parent.isJsonObject()) {
      parent.getAsJsonObject().add(last, value);
    } else if (parent.isJsonArray()) {
      JsonArray array = parent.getAsJsonArray();
      int index = last.equals("-") ? array.size() : index(last, array.size() + 1, path);
      List<JsonElement> items = new ArrayList<>(array.asList());
      items.add(index, value);
      replaceContents(array, items);
    } else {
      throw invalid("cannot add at " + path + ": its parent is not an object or a list");
    }
    return document;
  }

  private static void remove(JsonElement document, String path) {
    List<String> tokens = tokens(path);
    if (tokens.isEmpty()) {
      throw invalid("cannot remove the whole document");
    }
    JsonElement parent = resolve(document, tokens.subList(0, tokens.size() - 1), path);
    String last = tokens.get(tokens.size() - 1);
    if (parent.isJsonObject() && parent.getAsJsonObject().has(last)) {
      parent.getAsJsonObject().remove(last);
    } else if (parent.isJsonArray()) {
      JsonArray array = parent.getAsJsonArray();
      array.remove(index(last, array.size(), path));
    } else {
      throw invalid("cannot remove " + path + ": it does not exist");
    }
  }

  private static JsonElement get(JsonElement document, String path) {
    return resolve(document, tokens(path), path);
  }

  private static JsonElement resolve(JsonElement document, List<String> tokens, String path) {
    JsonElement current = document;
    for (String token : tokens) {
      if (current.isJsonObject() && current.getAsJsonObject().has(token)) {
        current = current.getAsJsonObject().get(token);
      } else if (current.isJsonArray()) {
        JsonArray array = current.getAsJsonArray();
        current = array.get(index(token, array.size(), path));
      } else {
        throw invalid("the path " + path + " does not exist");
      }
    }
    return current;
  }

  /**
   * The pointer's reference tokens, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}).
   */
  private static List<String> tokens(String path) {
    if (path.isEmpty()) {
      return List.of();
    }
    if (!path.startsWith("/")) {
      throw invalid("a JSON pointer must start with '/': \"" + path + "\"");
    }
    List<String> tokens = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  private static int index(String token, int bound, String path) {
    try {
      int index = Integer.parseInt(token);
      if (index >= 0 && index < bound) {
        return index;
      }
    } catch (NumberFormatException e) {
      // reported below with the path
    }
    throw invalid("the path " + path + " has no list index " + token);
  }

  private static void replaceContents(JsonArray array, List<JsonElement> items) {
    while (!array.isEmpty()) {
      array.remove(array.size() - 1);
    }
    items.forEach(array::add);
  }

  private static String required(JsonObject operation, String field) {
    String value = JsonFields.string(operation, field);
    if (value == null) {
      throw invalid("JSON patch operation " + operation + " lacks \"" + field + "\"");
    }
    return value;
  }

  private static JsonElement value(JsonObject operation) {
    if (!operation.has("value")) {
      throw invalid("JSON patch operation " + operation + " lacks \"value\"");
    }
    return operation.get("value").deepCopy();
  }

  private static ApiError invalid(String message) {
    return new ApiError(422, "Invalid", "the JSON patch cannot be applied: " + message);
  }
}
