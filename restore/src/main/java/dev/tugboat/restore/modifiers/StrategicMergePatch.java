package dev.tugboat.restore.modifiers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule's {@code strategicPatches}: Kubernetes strategic merge patches applied in order, following
 * apimachinery's {@code strategicpatch} for the subset Velero users write:
 *
 * <ul>
 *   <li>objects merge key by key; a null value removes its key;
 *   <li>the lists {@link MergeKeys} knows (containers by name, their ports by containerPort...)
 *       merge element by element: a patch element updates the element with the same merge key, or
 *       is added; {@code {$patch: delete, name: x}} removes element x; an element {@code {$patch:
 *       replace}} makes the rest of the patch list replace the list. The result is ordered the way
 *       apimachinery orders it (new elements first, then the patch's and the item's in order);
 *   <li>every other list, and every scalar, is replaced by the patch's value;
 *   <li>{@code $patch: replace} in an object replaces the object, {@code $patch: delete} empties
 *       it.
 * </ul>
 *
 * <p>Not supported (rejected when the file is parsed): {@code $retainKeys}, {@code
 * $setElementOrder/...}, {@code $deleteFromPrimitiveList/...}. Unlike Velero, which looks up merge
 * keys in the Go type of the item's kind and so fails on custom resources, the table applies to any
 * kind, and the result is not validated against a schema.
 */
final class StrategicMergePatch implements ItemPatch {

  static final String DIRECTIVE = "$patch";
  static final String REPLACE = "replace";
  static final String DELETE = "delete";

  private final List<JsonObject> patches;

  StrategicMergePatch(List<JsonObject> patches) {
    this.patches = List.copyOf(patches);
  }

  @Override
  public JsonObject apply(JsonObject item) throws PatchFailedException {
    JsonObject patched = item.deepCopy();
    for (JsonObject patch : patches) {
      patched = mergeObject(patched, patch, List.of());
    }
    return patched;
  }

  /** Merges the patch into the original object, which it modifies, and returns the result. */
  private static JsonObject mergeObject(JsonObject original, JsonObject patch, List<String> path)
      throws PatchFailedException {
    JsonElement directive = patch.get(DIRECTIVE);
    if (directive != null) {
      return directive.getAsString().equals(REPLACE) ? cleaned(patch) : new JsonObject();
    }
    for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
      String key = entry.getKey();
      JsonElement patchValue = entry.getValue();
      JsonElement originalValue = original.get(key);
      if (patchValue.isJsonNull()) {
        original.remove(key);
      } else if (originalValue != null
          && originalValue.isJsonObject()
          && patchValue.isJsonObject()) {
        original.add(
            key,
            mergeObject(
                originalValue.getAsJsonObject(), patchValue.getAsJsonObject(), append(path, key)));
      } else if (originalValue != null && originalValue.isJsonArray() && patchValue.isJsonArray()) {
        original.add(
            key,
            mergeList(
                originalValue.getAsJsonArray(), patchValue.getAsJsonArray(), append(path, key)));
      } else {
        Optional<JsonElement> value = withoutDirectives(patchValue);
        if (value.isPresent()) {
          original.add(key, value.get());
        } else {
          original.remove(key);
        }
      }
    }
    return original;
  }

  private static JsonArray mergeList(JsonArray original, JsonArray patch, List<String> path)
      throws PatchFailedException {
    Optional<String> mergeKey = MergeKeys.forList(path);
    if (mergeKey.isEmpty()) {
      return withoutDirectives(patch).map(JsonElement::getAsJsonArray).orElseGet(JsonArray::new);
    }
    KeyedList list = new KeyedList(String.join(".", path), mergeKey.get());
    List<JsonObject> remaining = list.objects(original);
    List<JsonObject> patchElements = new ArrayList<>();
    boolean replaceList = false;
    for (JsonObject element : list.objects(patch)) {
      JsonElement directive = element.get(DIRECTIVE);
      if (directive == null) {
        patchElements.add(element);
      } else if (directive.getAsString().equals(DELETE)) {
        JsonElement doomed = list.keyOf(element);
        remaining.removeIf(candidate -> doomed.equals(candidate.get(list.mergeKey)));
      } else {
        replaceList = true;
      }
    }
    if (replaceList) {
      return toArray(cleanedAll(patchElements));
    }
    return toArray(list.merge(remaining, patchElements, path));
  }

  /** A list merged by key, and how to report its problems. */
  private record KeyedList(String name, String mergeKey) {

    List<JsonObject> objects(JsonArray array) throws PatchFailedException {
      List<JsonObject> objects = new ArrayList<>();
      for (JsonElement element : array) {
        if (!element.isJsonObject()) {
          throw new PatchFailedException(
              "strategic merge patch: the list "
                  + name
                  + " must hold objects keyed by "
                  + mergeKey);
        }
        objects.add(element.getAsJsonObject());
      }
      return objects;
    }

    JsonElement keyOf(JsonObject element) throws PatchFailedException {
      JsonElement key = element.get(mergeKey);
      if (key == null) {
        throw new PatchFailedException(
            "strategic merge patch: an element of "
                + name
                + " has no merge key '"
                + mergeKey
                + "'");
      }
      return key;
    }

    /**
     * Updates the server's elements with the patch's of the same key, adds the others, and orders
     * the result like apimachinery's {@code mergeSlice}: the patch's elements in patch order, the
     * server's own in server order, interleaved so that two elements both in the server list keep
     * their server order.
     */
    List<JsonObject> merge(List<JsonObject> server, List<JsonObject> patch, List<String> path)
        throws PatchFailedException {
      List<JsonElement> serverOrder = new ArrayList<>();
      for (JsonObject element : server) {
        serverOrder.add(keyOf(element));
      }
      List<JsonElement> patchOrder = new ArrayList<>();
      for (JsonObject element : patch) {
        patchOrder.add(keyOf(element));
      }
      // Built in patch order, which is the order apimachinery sorts the patch's elements in.
      List<JsonObject> fromPatch = new ArrayList<>();
      for (JsonObject element : patch) {
        int index = serverOrder.indexOf(keyOf(element));
        fromPatch.add(index < 0 ? cleaned(element) : mergeObject(server.get(index), element, path));
      }
      List<JsonObject> serverOnly = new ArrayList<>();
      for (JsonObject element : server) {
        if (!patchOrder.contains(element.get(mergeKey))) {
          serverOnly.add(element);
        }
      }
      return interleave(serverOnly, fromPatch, serverOrder);
    }

    /** apimachinery's {@code mergeSortedSlice}. */
    private List<JsonObject> interleave(
        List<JsonObject> serverOnly, List<JsonObject> fromPatch, List<JsonElement> serverOrder) {
      List<JsonObject> result = new ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < serverOnly.size() || j < fromPatch.size()) {
        boolean takeServer;
        if (j >= fromPatch.size()) {
          takeServer = true;
        } else if (i >= serverOnly.size()) {
          takeServer = false;
        } else {
          int serverIndex = serverOrder.indexOf(serverOnly.get(i).get(mergeKey));
          int patchIndex = serverOrder.indexOf(fromPatch.get(j).get(mergeKey));
          takeServer = patchIndex >= 0 && serverIndex < patchIndex;
        }
        result.add(takeServer ? serverOnly.get(i++) : fromPatch.get(j++));
      }
      return result;
    }
  }

  /** A patch value without directives and nulls, as it is stored where the item had nothing. */
  private static Optional<JsonElement> withoutDirectives(JsonElement value) {
    if (value.isJsonObject()) {
      JsonObject object = value.getAsJsonObject();
      if (object.has(DIRECTIVE)) {
        return Optional.empty();
      }
      JsonObject result = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
        if (!entry.getValue().isJsonNull()) {
          withoutDirectives(entry.getValue()).ifPresent(v -> result.add(entry.getKey(), v));
        }
      }
      return Optional.of(result);
    }
    if (value.isJsonArray()) {
      JsonArray result = new JsonArray();
      for (JsonElement element : value.getAsJsonArray()) {
        withoutDirectives(element).ifPresent(result::add);
      }
      return Optional.of(result);
    }
    return Optional.of(value.deepCopy());
  }

  /** An object without its own {@code $patch} and without directives or nulls below. */
  private static JsonObject cleaned(JsonObject object) {
    JsonObject copy = object.deepCopy();
    copy.remove(DIRECTIVE);
    return withoutDirectives(copy).map(JsonElement::getAsJsonObject).orElseThrow();
  }

  private static List<JsonObject> cleanedAll(List<JsonObject> objects) {
    return objects.stream().map(StrategicMergePatch::cleaned).toList();
  }

  private static JsonArray toArray(List<JsonObject> elements) {
    JsonArray array = new JsonArray();
    elements.forEach(array::add);
    return array;
  }

  private static List<String> append(List<String> path, String key) {
    List<String> longer = new ArrayList<>(path);
    longer.add(key);
    return List.copyOf(longer);
  }

  /** Whether the text is a {@code $patch} value this class applies. */
  static boolean isSupportedDirective(JsonElement value) {
    return value instanceof JsonPrimitive primitive
        && primitive.isString()
        && (primitive.getAsString().equals(REPLACE) || primitive.getAsString().equals(DELETE));
  }
}
