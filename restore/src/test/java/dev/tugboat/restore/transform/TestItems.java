package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.Set;

/** Objects and contexts for the transform tests. JSON is written with ' for ". */
final class TestItems {

  private TestItems() {}

  static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  /** A restore {@code r1} of backup {@code b1} without mapping or any other setting. */
  static RestoreContext context() {
    return context(Map.of());
  }

  static RestoreContext context(Map<String, String> namespaceMapping) {
    return new RestoreContext(
        "b1",
        "r1",
        namespaceMapping,
        Set.of(),
        false,
        ExistingServiceAccounts.NONE,
        VolumePlan.none());
  }

  /** Runs one action on a copy of {@code item}, as the transformer would. */
  static Applied apply(ItemAction action, JsonObject item, RestoreContext context) {
    JsonObject copy = item.deepCopy();
    return new Applied(copy, action.apply(copy, item, context).orElse(null));
  }

  /** The object an action left, and its skip reason (null when not skipped). */
  record Applied(JsonObject item, String skipReason) {}
}
