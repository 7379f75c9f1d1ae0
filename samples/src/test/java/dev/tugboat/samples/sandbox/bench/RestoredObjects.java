package dev.tugboat.samples.sandbox.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.seed.Seed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a restore brought back every object of a seed: each is in the target cluster, with
 * the {@code velero.io/restore-name} label of that restore, so that it was this restore that made
 * it. The seed names the backed-up objects without reading the source sandbox again.
 */
final class RestoredObjects {

  private static final String RESTORE_NAME_LABEL = "velero.io/restore-name";
  private static final int NAMED_IN_ERROR = 5;

  private RestoredObjects() {}

  /**
   * @return how many objects the seed has, all found restored
   * @throws IllegalStateException naming the first few that are missing or not labelled
   */
  static long count(Seed seed, ClusterState target, String restoreName) {
    long objects = 0;
    long missing = 0;
    List<String> named = new ArrayList<>();
    Iterator<JsonObject> backedUpObjects = seed.objects().iterator();
    while (backedUpObjects.hasNext()) {
      JsonObject backedUp = backedUpObjects.next();
      objects++;
      if (!restored(backedUp, target, restoreName)) {
        missing++;
        if (named.size() < NAMED_IN_ERROR) {
          named.add(describe(backedUp));
        }
      }
    }
    if (missing > 0) {
      throw new IllegalStateException(
          "restore "
              + restoreName
              + " left "
              + missing
              + " of the "
              + objects
              + " objects of "
              + seed.name()
              + " out of the target (or without its "
              + RESTORE_NAME_LABEL
              + " label), e.g. "
              + String.join(", ", named));
    }
    return objects;
  }

  private static boolean restored(JsonObject backedUp, ClusterState target, String restoreName) {
    JsonObject metadata = backedUp.getAsJsonObject("metadata");
    Optional<JsonObject> found =
        target.get(
            backedUp.get("apiVersion").getAsString(),
            backedUp.get("kind").getAsString(),
            namespace(metadata),
            metadata.get("name").getAsString());
    return found.isPresent() && restoreName.equals(restoreLabel(found.get()));
  }

  private static String restoreLabel(JsonObject object) {
    JsonObject labels = object.getAsJsonObject("metadata").getAsJsonObject("labels");
    JsonElement value = labels == null ? null : labels.get(RESTORE_NAME_LABEL);
    return value == null ? null : value.getAsString();
  }

  /** The namespace, or null for a cluster-scoped object, as {@link ClusterState} takes it. */
  private static String namespace(JsonObject metadata) {
    JsonElement namespace = metadata.get("namespace");
    return namespace == null ? null : namespace.getAsString();
  }

  private static String describe(JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    String namespace = namespace(metadata);
    return object.get("kind").getAsString()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + metadata.get("name").getAsString();
  }
}
