package dev.tugboat.restore.modifiers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * A rule's {@code patches}: RFC 6902 operations applied in order to a copy of the item, all or
 * nothing. As in Velero, a failed {@code test} is not an error: the rule then leaves the item
 * unchanged. A {@code test} of a missing path passes only when its value is null.
 */
final class JsonPatch implements ItemPatch {

  private final List<JsonPatchOperation> operations;

  JsonPatch(List<JsonPatchOperation> operations) {
    this.operations = List.copyOf(operations);
  }

  @Override
  public JsonObject apply(JsonObject item) throws PatchFailedException {
    JsonObject patched = item.deepCopy();
    for (JsonPatchOperation operation : operations) {
      if (!applyOne(patched, operation)) {
        return item.deepCopy();
      }
    }
    return patched;
  }

  /** Applies one operation to the document in place; false when it is a {@code test} that fails. */
  private static boolean applyOne(JsonObject document, JsonPatchOperation operation)
      throws PatchFailedException {
    JsonPointer path = operation.path();
    switch (operation.operation()) {
      case ADD -> add(document, path, operation.value().deepCopy(), operation);
      case REMOVE -> remove(document, path, operation);
      case REPLACE -> replace(document, path, operation.value().deepCopy(), operation);
      case MOVE -> {
        if (operation.from().isPrefixOf(path) && !operation.from().equals(path)) {
          throw failure(operation, "cannot move " + operation.from() + " into itself");
        }
        add(document, path, remove(document, operation.from(), operation), operation);
      }
      case COPY -> {
        JsonElement value =
            JsonTree.find(document, operation.from().tokens())
                .orElseThrow(() -> failure(operation, operation.from() + " is missing"));
        add(document, path, value.deepCopy(), operation);
      }
      case TEST -> {
        return JsonTree.holds(document, path, operation.value());
      }
    }
    return true;
  }

  /** Replaces in place, so that a replaced key keeps its position among its siblings. */
  private static void replace(
      JsonObject document, JsonPointer path, JsonElement value, JsonPatchOperation operation)
      throws PatchFailedException {
    JsonElement parent = parentOf(document, path, operation);
    String token = path.lastToken();
    if (parent.isJsonObject() && parent.getAsJsonObject().has(token)) {
      parent.getAsJsonObject().add(token, value);
      return;
    }
    if (parent.isJsonArray()) {
      JsonArray array = parent.getAsJsonArray();
      int index = JsonTree.arrayIndex(token);
      if (index >= 0 && index < array.size()) {
        array.set(index, value);
        return;
      }
    }
    throw failure(operation, path + " is missing");
  }

  private static void add(
      JsonObject document, JsonPointer path, JsonElement value, JsonPatchOperation operation)
      throws PatchFailedException {
    JsonElement parent = parentOf(document, path, operation);
    String token = path.lastToken();
    if (parent.isJsonObject()) {
      parent.getAsJsonObject().add(token, value);
      return;
    }
    List<JsonElement> array = parent.getAsJsonArray().asList();
    int index = token.equals("-") ? array.size() : JsonTree.arrayIndex(token);
    if (index < 0 || index > array.size()) {
      throw failure(operation, "index '" + token + "' is outside the array of " + array.size());
    }
    array.add(index, value);
  }

  private static JsonElement remove(
      JsonObject document, JsonPointer path, JsonPatchOperation operation)
      throws PatchFailedException {
    JsonElement parent = parentOf(document, path, operation);
    String token = path.lastToken();
    JsonElement removed;
    if (parent.isJsonObject()) {
      removed = parent.getAsJsonObject().remove(token);
    } else {
      JsonArray array = parent.getAsJsonArray();
      int index = JsonTree.arrayIndex(token);
      removed = index >= 0 && index < array.size() ? array.remove(index) : null;
    }
    if (removed == null) {
      throw failure(operation, path + " is missing");
    }
    return removed;
  }

  /** The object or array that holds the target of the path. */
  private static JsonElement parentOf(
      JsonObject document, JsonPointer path, JsonPatchOperation operation)
      throws PatchFailedException {
    JsonElement parent =
        JsonTree.find(document, path.parentTokens())
            .orElseThrow(() -> failure(operation, "the parent of " + path + " is missing"));
    if (!parent.isJsonObject() && !parent.isJsonArray()) {
      throw failure(operation, "the parent of " + path + " is neither an object nor an array");
    }
    return parent;
  }

  private static PatchFailedException failure(JsonPatchOperation operation, String problem) {
    return new PatchFailedException(
        "JSON Patch operation '"
            + operation.operation()
            + "' at "
            + operation.path()
            + ": "
            + problem);
  }
}
