package dev.tugboat.restore.apply;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.transform.RestoreLabels;
import java.util.List;

/**
 * Removes from an object the fields in which a correctly restored object may differ from the
 * backed-up one, so that "already there and equal" can be told from "already there and different".
 * Inputs are never changed; every method returns a copy.
 *
 * <p>Removed by {@link #withoutServerFields}, from both sides of a comparison and of an update
 * patch, because the server or a controller writes them and a restore must not fight over them:
 *
 * <ul>
 *   <li>{@code metadata.uid, resourceVersion, generation, creationTimestamp, selfLink}: set by the
 *       server on every object, new on each create.
 *   <li>{@code metadata.deletionTimestamp, deletionGracePeriodSeconds}: set by the server when a
 *       delete is under way.
 *   <li>{@code metadata.managedFields}: the server's record of who wrote which field, rewritten on
 *       every write; patching it would rewrite the live object's ownership history.
 *   <li>{@code metadata.generateName}: only used when the name is chosen; the restore reset drops
 *       it (velero.md 3.3) while the backed-up original keeps it.
 *   <li>{@code metadata.ownerReferences}: the restore reset drops them (3.3), and controllers add
 *       them back when they adopt a restored object (a Deployment its ReplicaSets): comparing them
 *       would make every adopted object "different", and patching them away would orphan it.
 *   <li>{@code status}: written by controllers through the status subresource; a kept status is
 *       restored by its own step, not by the create or the patch.
 * </ul>
 *
 * <p>{@link #forComparison} also removes the labels {@code velero.io/backup-name} and {@code
 * velero.io/restore-name} (and {@code metadata.labels} when nothing else is left): they name the
 * restore that created the object, so an object restored by an earlier run would otherwise never be
 * equal. They are still written when an object is updated for other reasons.
 */
public final class Normaliser {

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "generateName",
          "ownerReferences");

  private static final List<String> RESTORE_LABELS =
      List.of(RestoreLabels.BACKUP_NAME, RestoreLabels.RESTORE_NAME);

  private Normaliser() {}

  /** A copy without the fields the server and controllers write (see the class comment). */
  public static JsonObject withoutServerFields(JsonObject object) {
    JsonObject copy = object.deepCopy();
    copy.remove("status");
    JsonPaths.object(copy, "metadata")
        .ifPresent(metadata -> SERVER_METADATA.forEach(metadata::remove));
    return copy;
  }

  /**
   * A copy without the server's fields and without the restore labels: two objects equal in this
   * form are the same restored object.
   */
  public static JsonObject forComparison(JsonObject object) {
    JsonObject copy = withoutServerFields(object);
    JsonPaths.object(copy, "metadata")
        .ifPresent(
            metadata ->
                JsonPaths.object(metadata, "labels")
                    .ifPresent(
                        labels -> {
                          RESTORE_LABELS.forEach(labels::remove);
                          if (labels.size() == 0) {
                            metadata.remove("labels");
                          }
                        }));
    return copy;
  }
}
