package dev.tugboat.restore.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which objects a restore leaves to their controllers (issue 5, "Owned objects"). By
 * default an object whose controller owner reference ({@code metadata.ownerReferences[]} with
 * {@code controller: true}) names an object that the same restore brings back is not created: the
 * controller recreates it (the ReplicaSets of a Deployment, the Pods of a ReplicaSet, StatefulSet,
 * DaemonSet or Job), and creating it as well would leave a stray copy beside the controller's. With
 * {@code --include-owned} every object is created, as Velero does (Velero drops the owner
 * references, velero.md §3.3).
 *
 * <p>An owner matches a reference by kind and name, in the object's namespace or among the
 * cluster-scoped objects (a namespaced object may have a cluster-scoped owner, never one in another
 * namespace), and by uid when the archived owner has one: a different uid means the owner was
 * replaced after the object was captured and will not adopt it. The API group is not compared,
 * because old backups hold the same object under two groups ({@code extensions} and {@code apps}).
 *
 * <p>Built once from the objects being restored (a first pass over the archive), then asked per
 * object; immutable, so parallel workers may share it.
 */
public final class OwnedObjects {

  private static final OwnedObjects INCLUDING_OWNED = new OwnedObjects(true, Map.of());

  private final boolean includeOwned;
  private final Map<OwnerKey, List<RestoredObject>> restoredByKey;

  private OwnedObjects(boolean includeOwned, Map<OwnerKey, List<RestoredObject>> restoredByKey) {
    this.includeOwned = includeOwned;
    this.restoredByKey = restoredByKey;
  }

  /** {@code --include-owned}: every object is restored, whoever owns it. */
  public static OwnedObjects includingOwned() {
    return INCLUDING_OWNED;
  }

  /**
   * The default: objects controlled by one of {@code restored} are left to their controller.
   *
   * @param restored every object the restore brings back after its filters and skips, including the
   *     owned ones (a ReplicaSet left to its Deployment still owns its Pods)
   */
  public static OwnedObjects leftToControllers(Collection<RestoredObject> restored) {
    Map<OwnerKey, List<RestoredObject>> byKey = new HashMap<>();
    for (RestoredObject object : restored) {
      OwnerKey key = new OwnerKey(object.kind(), object.namespace(), object.name());
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(object);
    }
    return new OwnedObjects(false, Map.copyOf(byKey));
  }

  /**
   * Decides whether one archived object is left to its controller.
   *
   * @param item the object as archived, with its {@code metadata.ownerReferences}
   * @return the reason for the restore log and results when it is not created; empty when it is
   */
  public Optional<String> skipReason(JsonObject item) {
    if (includeOwned) {
      return Optional.empty();
    }
    JsonArray references = JsonPaths.array(item, "metadata", "ownerReferences").orElse(null);
    if (references == null) {
      return Optional.empty();
    }
    String namespace = JsonPaths.string(item, "metadata", "namespace").orElse(null);
    for (JsonElement element : references) {
      if (element.isJsonObject() && isController(element.getAsJsonObject())) {
        JsonObject reference = element.getAsJsonObject();
        Optional<RestoredObject> owner = restoredOwner(reference, namespace);
        if (owner.isPresent()) {
          return Optional.of(
              "controlled by "
                  + describe(owner.get())
                  + ", which this restore brings back and which recreates it"
                  + " (--include-owned restores it)");
        }
      }
    }
    return Optional.empty();
  }

  private Optional<RestoredObject> restoredOwner(JsonObject reference, String namespace) {
    String kind = JsonPaths.string(reference, "kind").orElse(null);
    String name = JsonPaths.string(reference, "name").orElse(null);
    String uid = JsonPaths.string(reference, "uid").orElse(null);
    if (kind == null || name == null) {
      return Optional.empty();
    }
    List<RestoredObject> candidates = new ArrayList<>();
    candidates.addAll(restoredByKey.getOrDefault(new OwnerKey(kind, namespace, name), List.of()));
    if (namespace != null) {
      candidates.addAll(restoredByKey.getOrDefault(new OwnerKey(kind, null, name), List.of()));
    }
    return candidates.stream()
        .filter(candidate -> candidate.uid() == null || Objects.equals(candidate.uid(), uid))
        .findFirst();
  }

  private static boolean isController(JsonObject reference) {
    JsonElement controller = reference.get("controller");
    return controller != null
        && controller.isJsonPrimitive()
        && controller.getAsJsonPrimitive().isBoolean()
        && controller.getAsBoolean();
  }

  private static String describe(RestoredObject owner) {
    String where = owner.namespace() == null ? "" : owner.namespace() + "/";
    return owner.kind() + " " + where + owner.name();
  }

  /** What an owner reference names, besides the uid. */
  private record OwnerKey(String kind, String namespace, String name) {}
}
