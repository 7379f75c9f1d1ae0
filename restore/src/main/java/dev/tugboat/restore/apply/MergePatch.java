package dev.tugboat.restore.apply;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes the JSON merge patch (RFC 7386) that turns one object into another: changed and added
 * fields carry their new value, fields present only in the source are set to {@code null}
 * (removed), nested objects are patched field by field, and arrays, which a merge patch cannot
 * edit, are replaced whole.
 */
final class MergePatch {

  private MergePatch() {}

  /** The patch that turns {@code from} into {@code to}; empty when they are equal. */
  static JsonObject between(JsonObject from, JsonObject to) {
    JsonObject patch = new JsonObject();
    for (Map.Entry<String, JsonElement> field : from.entrySet()) {
      if (isAbsent(to.get(field.getKey()))) {
        patch.add(field.getKey(), JsonNull.INSTANCE);
      }
    }
    for (Map.Entry<String, JsonElement> field : to.entrySet()) {
      JsonElement before = from.get(field.getKey());
      JsonElement after = field.getValue();
      if (isAbsent(after) || after.equals(before)) {
        continue;
      }
      if (after.isJsonObject() && before != null && before.isJsonObject()) {
        patch.add(field.getKey(), between(before.getAsJsonObject(), after.getAsJsonObject()));
      } else {
        patch.add(field.getKey(), after.deepCopy());
      }
    }
    return patch;
  }

  /**
   * The dotted paths a patch sets or removes, e.g. {@code spec.replicas}, for messages: names only,
   * never values, so that a Secret's data does not reach a log.
   */
  static List<String> paths(JsonObject patch) {
    List<String> paths = new ArrayList<>();
    collect("", patch, paths);
    return paths;
  }

  private static void collect(String prefix, JsonObject patch, List<String> paths) {
    for (Map.Entry<String, JsonElement> field : patch.entrySet()) {
      String path = prefix + field.getKey();
      if (field.getValue().isJsonObject() && field.getValue().getAsJsonObject().size() > 0) {
        collect(path + ".", field.getValue().getAsJsonObject(), paths);
      } else {
        paths.add(path);
      }
    }
  }

  /** A field set to {@code null} means the same as a missing field in a merge patch's target. */
  private static boolean isAbsent(JsonElement value) {
    return value == null || value.isJsonNull();
  }
}
