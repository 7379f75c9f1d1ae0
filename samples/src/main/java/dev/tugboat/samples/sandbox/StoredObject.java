package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object as the sandbox keeps it: compact JSON bytes plus the few fields requests select and
 * index by, so that 100k objects fit in a small heap (a parsed Gson tree costs ten times more).
 *
 * @param namespace null for cluster-scoped objects
 * @param fields the values of the type's selectable fields, by dotted path
 * @param ownerUids the uids of {@code metadata.ownerReferences}
 */
record StoredObject(
    byte[] json,
    String namespace,
    String name,
    String uid,
    long resourceVersion,
    Map<String, String> labels,
    Map<String, String> fields,
    List<String> ownerUids,
    boolean terminating,
    boolean hasFinalizers) {

  /** Reads the indexed fields of {@code object}, which must carry its final metadata. */
  static StoredObject of(JsonObject object, ResourceType type) {
    JsonObject metadata = JsonFields.object(object, "metadata");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String path : type.selectableFields()) {
      String value = JsonFields.string(object, path.split("\\."));
      fields.put(path, value == null ? "" : value);
    }
    List<String> owners = new ArrayList<>();
    JsonElement references = metadata.get("ownerReferences");
    if (references != null && references.isJsonArray()) {
      for (JsonElement reference : references.getAsJsonArray()) {
        String uid =
            reference.isJsonObject() ? JsonFields.string(reference.getAsJsonObject(), "uid") : null;
        if (uid != null) {
          owners.add(uid);
        }
      }
    }
    JsonElement finalizers = metadata.get("finalizers");
    return new StoredObject(
        Json.bytes(object),
        JsonFields.string(metadata, "namespace"),
        JsonFields.string(metadata, "name"),
        JsonFields.string(metadata, "uid"),
        Long.parseLong(JsonFields.string(metadata, "resourceVersion")),
        // An immutable copy: compact for the many stored objects, and safe to hand out.
        Map.copyOf(JsonFields.stringMap(metadata, "labels")),
        Map.copyOf(fields),
        List.copyOf(owners),
        metadata.has("deletionTimestamp"),
        finalizers != null && finalizers.isJsonArray() && !((JsonArray) finalizers).isEmpty());
  }

  /** A fresh, mutable copy of the object. */
  JsonObject toJson() {
    return Json.parseObject(json);
  }

  /** {@code namespace/name}, or {@code name} when cluster-scoped: the storage order of lists. */
  String key() {
    return keyOf(namespace, name);
  }

  static String keyOf(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  /** The value of a field selector's field on this object. */
  String field(String path) {
    return switch (path) {
      case "metadata.name" -> name;
      case "metadata.namespace" -> namespace == null ? "" : namespace;
      default -> fields.get(path);
    };
  }
}
