package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells whether the target cluster has a backed-up PersistentVolume waiting for its claim: a volume
 * of that name whose claim reference names the claim (in its mapped namespace) without a uid, so
 * that Kubernetes binds it to the claim of that name once it is created. Asked once per selected
 * volume, when the restore starts.
 */
final class TargetVolumes implements Predicate<JsonObject> {

  private static final ApiResource PERSISTENT_VOLUMES =
      new ApiResource(
          "",
          "v1",
          "persistentvolumes",
          "PersistentVolume",
          false,
          Set.of("get"),
          List.of("pv"),
          "v1");

  private final ResourceApplier target;
  private final Map<String, String> namespaceMapping;

  TargetVolumes(ResourceApplier target, Map<String, String> namespaceMapping) {
    this.target = target;
    this.namespaceMapping = Map.copyOf(namespaceMapping);
  }

  /**
   * @throws IllegalStateException when the target cluster does not say whether it has the volume
   */
  @Override
  public boolean test(JsonObject backedUp) {
    Optional<String> claimNamespace = JsonPaths.string(backedUp, "spec", "claimRef", "namespace");
    Optional<String> claimName = JsonPaths.string(backedUp, "spec", "claimRef", "name");
    if (claimNamespace.isEmpty() || claimName.isEmpty()) {
      return false;
    }
    String name = JsonPaths.string(backedUp, "metadata", "name").orElse("");
    ApplyResult live = target.get(PERSISTENT_VOLUMES, null, name);
    if (live.outcome() == ApplyOutcome.NOT_FOUND) {
      return false;
    }
    if (!live.isSuccess()) {
      throw new IllegalStateException(
          "cannot read PersistentVolume " + name + " in the target cluster: " + live.message());
    }
    JsonObject volume = live.object();
    return JsonPaths.string(volume, "spec", "claimRef", "uid")
            .filter(uid -> !uid.isEmpty())
            .isEmpty()
        && JsonPaths.string(volume, "spec", "claimRef", "namespace")
            .equals(claimNamespace.map(ns -> namespaceMapping.getOrDefault(ns, ns)))
        && JsonPaths.string(volume, "spec", "claimRef", "name").equals(claimName);
  }
}
