package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Which object a backed-up object is: its API group, kind, namespace and name.
 *
 * @param group the group of its {@code apiVersion}, empty for the core group
 * @param namespace {@code null} when the object has none (cluster-scoped)
 */
record ObjectRef(String group, String kind, String namespace, String name) {

  /**
   * @param position the object's place in the application's list, to name it in errors
   * @throws IllegalArgumentException when {@code apiVersion}, {@code kind} or {@code metadata.name}
   *     is missing: the list is not made of backed-up objects
   */
  static ObjectRef of(JsonObject object, int position) {
    String apiVersion = requiredString(object, "apiVersion", position);
    String kind = requiredString(object, "kind", position);
    JsonElement metadata = object.get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      throw new IllegalArgumentException(
          "object " + position + " of the application (" + kind + ") has no metadata");
    }
    String name = requiredString(metadata.getAsJsonObject(), "name", position);
    String namespace = stringOrNull(metadata.getAsJsonObject(), "namespace");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return new ObjectRef(
        group, kind, namespace == null || namespace.isEmpty() ? null : namespace, name);
  }

  /** {@code group/Kind}, or just {@code Kind} for the core group, e.g. {@code apps/Deployment}. */
  String groupKind() {
    return group.isEmpty() ? kind : group + "/" + kind;
  }

  boolean is(String group, String kind) {
    return this.group.equals(group) && this.kind.equals(kind);
  }

  CutoverAction action(CutoverOutcome outcome, String detail) {
    return new CutoverAction(kind, namespace, name, outcome, detail);
  }

  private static String requiredString(JsonObject object, String field, int position) {
    String value = stringOrNull(object, field);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "object " + position + " of the application has no " + field);
    }
    return value;
  }

  private static String stringOrNull(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }
}
