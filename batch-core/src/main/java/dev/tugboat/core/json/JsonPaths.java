package dev.tugboat.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads and edits nested fields of Kubernetes objects held as Gson trees. Reads are lenient: a
 * missing field, or one of another type, reads as absent, so that an object lacking a field is
 * treated as if the field were not set.
 */
public final class JsonPaths {

  private JsonPaths() {}

  /** The object at this path, if every step is an object. */
  public static Optional<JsonObject> object(JsonObject root, String... path) {
    JsonObject current = root;
    for (String key : path) {
      JsonElement next = current.get(key);
      if (next == null || !next.isJsonObject()) {
        return Optional.empty();
      }
      current = next.getAsJsonObject();
    }
    return Optional.of(current);
  }

  /** The array at this path, if there is one. */
  public static Optional<JsonArray> array(JsonObject root, String... path) {
    return element(root, path).filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
  }

  /** The string at this path, if there is one. */
  public static Optional<String> string(JsonObject root, String... path) {
    return element(root, path)
        .filter(JsonElement::isJsonPrimitive)
        .filter(value -> value.getAsJsonPrimitive().isString())
        .map(JsonElement::getAsString);
  }

  /** The element at this path, if there is one (JSON null counts as none). */
  public static Optional<JsonElement> element(JsonObject root, String... path) {
    int last = path.length - 1;
    String[] parents = Arrays.copyOf(path, last);
    return object(root, parents)
        .map(parent -> parent.get(path[last]))
        .filter(value -> !value.isJsonNull());
  }

  /** Removes the field at the end of this path, if its parent objects exist. */
  public static void remove(JsonObject root, String... path) {
    int last = path.length - 1;
    object(root, Arrays.copyOf(path, last)).ifPresent(parent -> parent.remove(path[last]));
  }

  /** The object under this key of {@code parent}, created empty when missing. */
  public static JsonObject objectOrCreate(JsonObject parent, String key) {
    JsonElement existing = parent.get(key);
    if (existing != null && existing.isJsonObject()) {
      return existing.getAsJsonObject();
    }
    JsonObject created = new JsonObject();
    parent.add(key, created);
    return created;
  }

  /** Removes, in place, every element of the array for which {@code drop} says so. */
  public static void removeIf(JsonArray array, Predicate<JsonElement> drop) {
    for (int i = array.size() - 1; i >= 0; i--) {
      if (drop.test(array.get(i))) {
        array.remove(i);
      }
    }
  }

  /** The object's {@code metadata.labels}, string values only; empty when it has none. */
  public static Map<String, String> labels(JsonObject object) {
    Map<String, String> labels = new HashMap<>();
    object(object, "metadata", "labels")
        .ifPresent(
            map ->
                map.entrySet().stream()
                    .filter(label -> label.getValue().isJsonPrimitive())
                    .forEach(label -> labels.put(label.getKey(), label.getValue().getAsString())));
    return labels;
  }

  /** The objects in the array at this path, in order; none when there is no array. */
  public static List<JsonObject> objects(JsonObject root, String... path) {
    List<JsonObject> objects = new ArrayList<>();
    for (JsonElement element : array(root, path).orElseGet(JsonArray::new)) {
      if (element.isJsonObject()) {
        objects.add(element.getAsJsonObject());
      }
    }
    return objects;
  }
}
