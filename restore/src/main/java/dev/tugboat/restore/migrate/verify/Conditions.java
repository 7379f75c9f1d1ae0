package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;

/** The {@code status.conditions} of Kubernetes objects: one entry per {@code type}. */
final class Conditions {

  private Conditions() {}

  /** The object's condition of this type. */
  static Optional<JsonObject> find(JsonObject object, String type) {
    return JsonPaths.objects(object, "status", "conditions").stream()
        .filter(condition -> type.equals(JsonPaths.string(condition, "type").orElse(null)))
        .findFirst();
  }

  /** Whether the object's condition of this type says {@code True}. */
  static boolean isTrue(JsonObject object, String type) {
    return find(object, type).filter(condition -> has(condition, "status", "True")).isPresent();
  }

  /** Whether the condition's field holds this value. */
  static boolean has(JsonObject condition, String field, String value) {
    return value.equals(JsonPaths.string(condition, field).orElse(null));
  }
}
