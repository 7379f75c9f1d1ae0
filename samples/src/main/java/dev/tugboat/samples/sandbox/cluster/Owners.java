package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owner references: which controller an object belongs to. */
final class Owners {

  private Owners() {}

  /** The reference a controller puts on the objects it creates and manages. */
  static JsonObject controllerReference(JsonObject owner) {
    JsonObject reference = new JsonObject();
    reference.addProperty("apiVersion", JsonFields.string(owner, "apiVersion"));
    reference.addProperty("kind", JsonFields.string(owner, "kind"));
    reference.addProperty("name", JsonFields.name(owner));
    reference.addProperty("uid", JsonFields.uid(owner));
    reference.addProperty("controller", true);
    reference.addProperty("blockOwnerDeletion", true);
    return reference;
  }

  /** The uid of the object's controller ({@code controller: true} owner), or null. */
  static String controllerUid(JsonObject object) {
    JsonObject reference = controllerReferenceOf(object);
    return reference == null ? null : JsonFields.string(reference, "uid");
  }

  /** The object's controller reference, or null. */
  private static JsonObject controllerReferenceOf(JsonObject object) {
    for (JsonObject reference : JsonFields.objects(object, "metadata", "ownerReferences")) {
      if (JsonFields.bool(reference, "controller")) {
        return reference;
      }
    }
    return null;
  }

  /** Whether the object's controller is of this kind. */
  static boolean controlledByKind(JsonObject object, String kind) {
    JsonObject reference = controllerReferenceOf(object);
    return reference != null && kind.equals(JsonFields.string(reference, "kind"));
  }

  /** Adds the controller reference of {@code owner} to an object that has no controller. */
  static void adopt(JsonObject object, JsonObject owner) {
    JsonObject metadata = JsonFields.child(object, "metadata");
    JsonArray references = JsonFields.childArray(metadata, "ownerReferences");
    references.add(controllerReference(owner));
  }

  /** Objects grouped by the uid of their controller; objects without one are left out. */
  static Map<String, List<JsonObject>> byControllerUid(Collection<JsonObject> objects) {
    Map<String, List<JsonObject>> grouped = new HashMap<>();
    for (JsonObject object : objects) {
      String uid = controllerUid(object);
      if (uid != null) {
        grouped.computeIfAbsent(uid, ignored -> new ArrayList<>()).add(object);
      }
    }
    return grouped;
  }
}
