package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Optional;

/**
 * PersistentVolumeClaims (velero.md 3.4 {@code pvc_action.go}, 3.5): the annotations with which the
 * source cluster's controllers recorded the binding, the provisioner and the selected node are
 * removed, so that the target cluster binds the claim again. When the claim's volume is dynamically
 * re-provisioned, {@code spec.volumeName} is removed too, so that a new volume is provisioned for
 * it.
 */
final class PersistentVolumeClaimAction implements ItemAction {

  static final List<String> REMOVED_ANNOTATIONS =
      List.of(
          "pv.kubernetes.io/bind-completed",
          "pv.kubernetes.io/bound-by-controller",
          "volume.kubernetes.io/storage-provisioner",
          "volume.beta.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/selected-node",
          "velero.io/volume-snapshot-name",
          "velero.io/data-upload-name");

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("persistentvolumeclaims");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    for (String annotation : REMOVED_ANNOTATIONS) {
      JsonPaths.remove(item, "metadata", "annotations", annotation);
    }
    JsonPaths.string(item, "spec", "volumeName")
        .filter(context.volumes()::isReprovisioned)
        .ifPresent(volume -> JsonPaths.remove(item, "spec", "volumeName"));
    return Optional.empty();
  }
}
