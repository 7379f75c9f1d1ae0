package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;

/**
 * PersistentVolumes (velero.md 3.5). A volume whose data was backed up by a pod volume backup or a
 * CSI snapshot, or not at all with reclaim policy {@code Delete}, is not restored: its claim gets a
 * dynamically provisioned one instead. A volume with a native snapshot is not restored either: only
 * Velero's volume snapshotter plugins can create its disk from the snapshot, and restoring the
 * object as-is would point it at the source cluster's disk. Any other volume (not backed up,
 * reclaim policy {@code Retain}) is restored as-is, pointing at the same backend volume, with its
 * claim reference moved to the mapped namespace and its binding information reset so that the
 * target cluster binds it to the restored claim. A volume the target cluster still has, waiting for
 * its claim ({@link VolumePlan}), is left as it is.
 */
final class PersistentVolumeAction implements ItemAction {

  static final String BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
  static final String BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("persistentvolumes");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    String name = JsonPaths.string(item, "metadata", "name").orElse("");
    if (context.volumes().waitsInTarget(name)) {
      return Optional.of("the target cluster has it, waiting for its claim");
    }
    Optional<VolumeBackupMethod> method = context.volumes().backupMethodOf(name);
    if (method.filter(VolumeBackupMethod.NATIVE_SNAPSHOT::equals).isPresent()) {
      return Optional.of(
          "its data is in a native volume snapshot, which only Velero's volume snapshotter"
              + " plugins can restore");
    }
    Optional<String> reprovisioned = VolumePlan.reprovisionReason(method, item);
    if (reprovisioned.isPresent()) {
      return reprovisioned;
    }
    JsonPaths.object(item, "spec", "claimRef").ifPresent(claim -> resetClaim(claim, context));
    JsonPaths.remove(item, "metadata", "annotations", BIND_COMPLETED);
    JsonPaths.remove(item, "metadata", "annotations", BOUND_BY_CONTROLLER);
    return Optional.empty();
  }

  private static void resetClaim(JsonObject claim, RestoreContext context) {
    JsonPaths.string(claim, "namespace")
        .filter(context.namespaceMapping()::containsKey)
        .ifPresent(namespace -> claim.addProperty("namespace", context.targetNamespace(namespace)));
    // The uid and resourceVersion name the source cluster's claim.
    claim.remove("uid");
    claim.remove("resourceVersion");
  }
}
