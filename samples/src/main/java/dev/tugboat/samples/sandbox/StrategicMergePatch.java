package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Strategic merge patch, the patch {@code kubectl apply} and {@code kubectl patch} send for
 * built-in kinds: maps merge recursively and {@code null} removes a field, as in a JSON merge
 * patch, but lists of objects merge element by element on a merge key ({@code name} for containers,
 * volumes and env, {@code containerPort} or {@code port} for ports, {@code type} for
 * conditions...), and {@code finalizers} merge as sets. Directives: {@code $patch: delete} in a
 * list element removes the element, {@code $patch: replace} replaces a map or list whole, {@code
 * $deleteFromPrimitiveList/<field>} removes values; {@code $setElementOrder} and {@code
 * $retainKeys} are accepted and ignored.
 *
 * <p>The real server takes merge keys from the Go types; this table covers the fields Tugboat's
 * workloads use.
 */
final class StrategicMergePatch {

  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("env", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("conditions", "type"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("ownerReferences", "uid"),
          Map.entry("resourceClaims", "name"));

  private static final String DIRECTIVE = "$patch";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  /** Returns the patched object; {@code target} is not changed. */
  static JsonObject apply(JsonObject target, JsonObject patch) {
    JsonObject merged = mergeObject(target.deepCopy(), patch);
    return merged == null ? new JsonObject() : merged;
  }

  /** Merges {@code patch} into {@code target} in place; null when the patch deletes the map. */
  private static JsonObject mergeObject(JsonObject target, JsonObject patch) {
    String directive = JsonFields.string(patch, DIRECTIVE);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive)) {
      return stripDirectives(patch).getAsJsonObject();
    }
    for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
      String field = entry.getKey();
      JsonElement value = entry.getValue();
      if (field.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        deleteFromList(target, field.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
      } else if (field.startsWith("$")) {
        // $patch handled above; $setElementOrder/..., $retainKeys only order or prune fields
        continue;
      } else if (value.isJsonNull()) {
        target.remove(field);
      } else if (value.isJsonObject() && target.get(field) instanceof JsonObject existing) {
        JsonObject merged = mergeObject(existing, value.getAsJsonObject());
        if (merged == null) {
          target.remove(field);
        } else {
          target.add(field, merged);
        }
      } else if (value.isJsonArray() && target.get(field) instanceof JsonArray existing) {
        target.add(field, mergeList(field, existing, value.getAsJsonArray()));
      } else {
        target.add(field, stripDirectives(value));
      }
    }
    return target;
  }

  private static JsonArray mergeList(String field, JsonArray target, JsonArray patch) {
    for (JsonElement element : patch) {
      if (element.isJsonObject()
          && "replace".equals(JsonFields.string(element.getAsJsonObject(), DIRECTIVE))) {
        JsonArray replaced = new JsonArray();
        patch.forEach(
            item -> {
              if (!item.equals(element)) {
                replaced.add(stripDirectives(item));
              }
            });
        return replaced;
      }
    }
    if (field.equals("finalizers") && !patch.isEmpty()) {
      JsonArray union = target.deepCopy();
      patch.forEach(
          value -> {
            if (!union.contains(value)) {
              union.add(value);
            }
          });
      return union;
    }
    String key = mergeKey(field, patch);
    if (key == null) {
      return stripDirectives(patch).getAsJsonArray();
    }
    JsonArray result = target.deepCopy();
    for (JsonElement element : patch) {
      if (!element.isJsonObject()) {
        return stripDirectives(patch).getAsJsonArray();
      }
      JsonObject item = element.getAsJsonObject();
      JsonElement keyValue = item.get(key);
      int index = indexOf(result, key, keyValue);
      if ("delete".equals(JsonFields.string(item, DIRECTIVE))) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0) {
        JsonObject merged = mergeObject(result.get(index).getAsJsonObject(), item);
        result.set(index, merged);
      } else {
        result.add(stripDirectives(item));
      }
    }
    return result;
  }

  /** The merge key of a list field; ports merge on {@code containerPort} in pods. */
  private static String mergeKey(String field, JsonArray patch) {
    if (field.equals("ports")) {
      boolean containerPorts =
          !patch.isEmpty()
              && patch.get(0).isJsonObject()
              && patch.get(0).getAsJsonObject().has("containerPort");
      return containerPorts ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static int indexOf(JsonArray list, String key, JsonElement keyValue) {
    if (keyValue == null) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonElement item = list.get(i);
      if (item.isJsonObject() && keyValue.equals(item.getAsJsonObject().get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static void deleteFromList(JsonObject target, String field, JsonElement values) {
    if (target.get(field) instanceof JsonArray list && values.isJsonArray()) {
      values.getAsJsonArray().forEach(list::remove);
    }
  }

  /** A copy of {@code value} without directive fields, for values that are set, not merged. */
  private static JsonElement stripDirectives(JsonElement value) {
    if (value.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
        if (!entry.getKey().startsWith("$") && !entry.getValue().isJsonNull()) {
          copy.add(entry.getKey(), stripDirectives(entry.getValue()));
        }
      }
      return copy;
    }
    if (value.isJsonArray()) {
      JsonArray copy = new JsonArray();
      value.getAsJsonArray().forEach(item -> copy.add(stripDirectives(item)));
      return copy;
    }
    return value.deepCopy();
  }
}
