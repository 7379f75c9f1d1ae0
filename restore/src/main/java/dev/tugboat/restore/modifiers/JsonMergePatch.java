package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code mergePatches}: RFC 7386 JSON merge patches applied in order. Objects merge key by
 * key, a null value removes its key, and any other value (arrays included) replaces the target's.
 */
final class JsonMergePatch implements ItemPatch {

  private final List<JsonObject> patches;

  JsonMergePatch(List<JsonObject> patches) {
    this.patches = List.copyOf(patches);
  }

  @Override
  public JsonObject apply(JsonObject item) {
    JsonObject patched = item.deepCopy();
    for (JsonObject patch : patches) {
      mergeInto(patched, patch);
    }
    return patched;
  }

  private static void mergeInto(JsonObject target, JsonObject patch) {
    for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
      String key = entry.getKey();
      JsonElement value = entry.getValue();
      if (value.isJsonNull()) {
        target.remove(key);
      } else if (value.isJsonObject()) {
        JsonElement existing = target.get(key);
        JsonObject merged =
            existing != null && existing.isJsonObject()
                ? existing.getAsJsonObject()
                : new JsonObject();
        mergeInto(merged, value.getAsJsonObject());
        target.add(key, merged);
      } else {
        target.add(key, value.deepCopy());
      }
    }
  }
}
