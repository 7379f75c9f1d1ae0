package dev.tugboat.restore.apply;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.transform.RestoreLabels;
import java.util.List;
import java.util.Optional;

/**
 * Removes from an object the fields in which a correctly restored object may differ from the
 * backed-up one, so that "already there and equal" can be told from "already there and different".
 * Inputs are never changed; every method returns a copy or a verdict.
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
 * <p>Removed by {@link #withoutAssignedValues} from the live object only, and only where the
 * desired object leaves the field out: values the API server assigns to a core ({@code v1}) object
 * created without them. The transforms remove some of them so that the target cluster assigns its
 * own (velero.md 3.4, 3.5), so an object restored earlier holds values its backed-up form lacks.
 * Comparing them would make it "different" on every later restore, and an update patch would ask to
 * remove them, which the server ignores (it keeps what it assigned) while the restore's message
 * would list them as differences. A value the desired object states is compared as usual.
 *
 * <ul>
 *   <li>Service {@code spec.clusterIP, clusterIPs}: allocated from the target cluster's service
 *       range; the transform drops them unless the Service is headless.
 *   <li>Service {@code spec.ports[].nodePort, spec.healthCheckNodePort}: allocated from the node
 *       port range; the transform drops those the user did not choose. A live port is matched to
 *       the desired port of the same name, an unnamed one to the unnamed port at the same position.
 *   <li>Service {@code spec.ipFamilies, ipFamilyPolicy, internalTrafficPolicy}: defaulted by the
 *       server from the cluster's configuration; a backup of an older cluster lacks them.
 *   <li>PersistentVolumeClaim {@code spec.volumeName}: set when the claim is bound; the transform
 *       drops it when the volume is provisioned again.
 * </ul>
 *
 * <p>{@link #sameObject} also ignores the labels {@code velero.io/backup-name} and {@code
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

  /** The fields of a Service's {@code spec} the server assigns when they are left out. */
  private static final List<String> SERVICE_ASSIGNED_SPEC =
      List.of(
          "clusterIP",
          "clusterIPs",
          "healthCheckNodePort",
          "ipFamilies",
          "ipFamilyPolicy",
          "internalTrafficPolicy");

  /** The API version of the core group: other groups may have kinds of the same names. */
  private static final String CORE_VERSION = "v1";

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
   * Whether the object in the cluster is the restored {@code desired} object: equal once the
   * server's fields, the restore labels and the values the server assigned where {@code desired}
   * leaves them out are removed (see the class comment).
   *
   * @param live the object as read from the cluster
   * @param desired the object to restore, as the transforms made it
   */
  public static boolean sameObject(JsonObject live, JsonObject desired) {
    return forComparison(withoutAssignedValues(live, desired)).equals(forComparison(desired));
  }

  /**
   * A copy of {@code live} without the values the server assigned where {@code desired} leaves them
   * out (see the class comment); every other field is kept.
   */
  static JsonObject withoutAssignedValues(JsonObject live, JsonObject desired) {
    JsonObject copy = live.deepCopy();
    if (isCore(desired, "Service")) {
      removeUnstated(copy, desired, SERVICE_ASSIGNED_SPEC);
      removeUnstatedNodePorts(copy, desired);
    } else if (isCore(desired, "PersistentVolumeClaim")) {
      removeUnstated(copy, desired, List.of("volumeName"));
    }
    return copy;
  }

  /** A copy without the server's fields and without the restore labels. */
  static JsonObject forComparison(JsonObject object) {
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

  private static boolean isCore(JsonObject object, String kind) {
    return JsonPaths.string(object, "apiVersion").filter(CORE_VERSION::equals).isPresent()
        && JsonPaths.string(object, "kind").filter(kind::equals).isPresent();
  }

  /** Removes from {@code live.spec} each of {@code fields} that {@code desired.spec} lacks. */
  private static void removeUnstated(JsonObject live, JsonObject desired, List<String> fields) {
    Optional<JsonObject> desiredSpec = JsonPaths.object(desired, "spec");
    JsonPaths.object(live, "spec")
        .ifPresent(
            spec ->
                fields.stream()
                    .filter(field -> desiredSpec.map(d -> isAbsent(d.get(field))).orElse(true))
                    .forEach(spec::remove));
  }

  private static void removeUnstatedNodePorts(JsonObject live, JsonObject desired) {
    List<JsonObject> desiredPorts = JsonPaths.objects(desired, "spec", "ports");
    List<JsonObject> livePorts = JsonPaths.objects(live, "spec", "ports");
    for (int i = 0; i < livePorts.size(); i++) {
      JsonObject port = livePorts.get(i);
      matchingPort(port, i, desiredPorts)
          .filter(wanted -> isAbsent(wanted.get("nodePort")))
          .ifPresent(wanted -> port.remove("nodePort"));
    }
  }

  /**
   * The desired port a live one stands for: the one of the same name, or for an unnamed port the
   * unnamed one at the same position (a Service with several ports must name them all).
   */
  private static Optional<JsonObject> matchingPort(
      JsonObject livePort, int position, List<JsonObject> desiredPorts) {
    Optional<String> name = nameOf(livePort);
    if (name.isPresent()) {
      return desiredPorts.stream().filter(port -> nameOf(port).equals(name)).findFirst();
    }
    return position < desiredPorts.size() && nameOf(desiredPorts.get(position)).isEmpty()
        ? Optional.of(desiredPorts.get(position))
        : Optional.empty();
  }

  private static Optional<String> nameOf(JsonObject port) {
    return JsonPaths.string(port, "name").filter(name -> !name.isEmpty());
  }

  /** A field set to {@code null} means the same as a missing one. */
  private static boolean isAbsent(JsonElement value) {
    return value == null || value.isJsonNull();
  }
}
