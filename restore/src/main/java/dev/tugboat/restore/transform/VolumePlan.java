package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which backed-up PersistentVolumes are dynamically re-provisioned instead of restored (velero.md
 * 3.5), and which the target cluster still has, waiting for their claim; known before any item is
 * transformed so that a PersistentVolumeClaim can drop or keep its {@code spec.volumeName} whatever
 * order the two are seen in.
 *
 * <p>A volume waits for its claim when it names the claim (namespace and name) without a uid: a
 * volume kept when its claim was deleted, then freed for it, as a migration's cutover and rollback
 * do ({@code VolumeRetention}). Beyond Velero, such a volume is bound again rather than replaced by
 * an empty one: it holds the claim's data.
 */
public final class VolumePlan {

  private final Map<String, VolumeBackupMethod> backupMethods;
  private final Set<String> reprovisioned;
  private final Set<String> waiting;

  private VolumePlan(
      Map<String, VolumeBackupMethod> backupMethods,
      Set<String> reprovisioned,
      Set<String> waiting) {
    this.backupMethods = Map.copyOf(backupMethods);
    this.reprovisioned = Set.copyOf(reprovisioned);
    this.waiting = Set.copyOf(waiting);
  }

  /** A backup without PersistentVolumes. */
  public static VolumePlan none() {
    return new VolumePlan(Map.of(), Set.of(), Set.of());
  }

  /**
   * @param persistentVolumes the backup's PersistentVolume objects
   * @param backupMethods PersistentVolume name to how its data was backed up; a volume missing from
   *     it had its data not backed up
   * @param waitsInTarget whether the target cluster has this backed-up volume, waiting for its
   *     claim
   */
  public static VolumePlan of(
      Collection<JsonObject> persistentVolumes,
      Map<String, VolumeBackupMethod> backupMethods,
      Predicate<JsonObject> waitsInTarget) {
    Set<String> reprovisioned = new HashSet<>();
    Set<String> waiting = new HashSet<>();
    for (JsonObject volume : persistentVolumes) {
      String name = JsonPaths.string(volume, "metadata", "name").orElse("");
      if (waitsInTarget.test(volume)) {
        waiting.add(name);
      } else if (reprovisionReason(Optional.ofNullable(backupMethods.get(name)), volume)
          .isPresent()) {
        reprovisioned.add(name);
      }
    }
    return new VolumePlan(backupMethods, reprovisioned, waiting);
  }

  /** How the data of this PersistentVolume was backed up, if it was. */
  Optional<VolumeBackupMethod> backupMethodOf(String persistentVolume) {
    return Optional.ofNullable(backupMethods.get(persistentVolume));
  }

  /** Whether the target cluster has this backed-up PersistentVolume, waiting for its claim. */
  boolean waitsInTarget(String persistentVolume) {
    return waiting.contains(persistentVolume);
  }

  /** Whether this backed-up PersistentVolume is replaced by a dynamically provisioned one. */
  boolean isReprovisioned(String persistentVolume) {
    return reprovisioned.contains(persistentVolume);
  }

  /**
   * Why Velero re-provisions the volume instead of restoring it, if it does (velero.md 3.5): its
   * data comes from a pod volume backup or a CSI snapshot, or it was not backed up and the reclaim
   * policy {@code Delete} means the backend volume is gone with the original PersistentVolume.
   */
  static Optional<String> reprovisionReason(
      Optional<VolumeBackupMethod> method, JsonObject persistentVolume) {
    if (method.isPresent()) {
      return switch (method.get()) {
        case POD_VOLUME_BACKUP ->
            Optional.of(
                "dynamically re-provisioned: its data is restored from a pod volume backup");
        case CSI_SNAPSHOT ->
            Optional.of("dynamically re-provisioned: its data is restored from a CSI snapshot");
        case NATIVE_SNAPSHOT -> Optional.empty();
      };
    }
    boolean deleted =
        JsonPaths.string(persistentVolume, "spec", "persistentVolumeReclaimPolicy")
            .filter("Delete"::equals)
            .isPresent();
    return deleted
        ? Optional.of(
            "dynamically re-provisioned, empty: its data was not backed up and its reclaim policy"
                + " is Delete")
        : Optional.empty();
  }
}
