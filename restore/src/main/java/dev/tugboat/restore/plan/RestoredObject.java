package dev.tugboat.restore.plan;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Objects;

/**
 * The identity of an object a restore brings back, as far as owner references can name it: the
 * entry of the owner index of {@link OwnedObjects}. Small, so a first pass over an archive can keep
 * one per item.
 *
 * @param kind the object's kind, e.g. {@code ReplicaSet}
 * @param namespace its namespace in the backup; null when it is cluster-scoped
 * @param name its name
 * @param uid its uid in the backup; null when the archived object has none
 */
public record RestoredObject(String kind, String namespace, String name, String uid) {

  public RestoredObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Reads the identity of an archived item.
   *
   * @throws IllegalArgumentException when the item has no {@code kind} or no {@code metadata.name}
   */
  public static RestoredObject of(JsonObject item) {
    String kind = JsonPaths.string(item, "kind").orElse(null);
    String name = JsonPaths.string(item, "metadata", "name").orElse(null);
    if (kind == null || name == null) {
      throw new IllegalArgumentException(
          "Item without kind or metadata.name: kind=" + kind + ", name=" + name);
    }
    return new RestoredObject(
        kind,
        JsonPaths.string(item, "metadata", "namespace").orElse(null),
        name,
        JsonPaths.string(item, "metadata", "uid").orElse(null));
  }
}
