package dev.tugboat.restore.migrate.rollback;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.migrate.cutover.CutoverAnnotations;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.transform.RestoreLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares the live source with its snapshot, the restart-point backup, object by object, after
 * normalisation: what a rollback must leave equal. Ignored, because the cluster or the rollback
 * itself rewrites them without changing what runs:
 *
 * <ul>
 *   <li>{@code metadata.uid, resourceVersion, generation, creationTimestamp, deletionTimestamp,
 *       deletionGracePeriodSeconds, selfLink, managedFields} and {@code status}: written by the
 *       server and the controllers, new when an object is created again;
 *   <li>the pre-quiesce annotations, which the cutover adds and unquiescing removes;
 *   <li>the labels {@code velero.io/backup-name} and {@code velero.io/restore-name}, which a
 *       restore puts on the objects it creates again;
 *   <li>a Service's {@code spec.clusterIP} and {@code clusterIPs}: allocated anew when it is
 *       created again.
 * </ul>
 *
 * Objects a controller owns (a Deployment's ReplicaSets, their Pods) and Endpoints are not
 * compared: their controllers replace them under new names and addresses when the workload starts
 * again. So are objects a restore skips (complete pods, ...).
 */
final class SnapshotComparison {

  /** Differing fields listed per object: enough to see what went wrong. */
  private static final int MOST_FIELDS = 10;

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "selfLink",
          "managedFields");

  private final ResourceApplier live;
  private final ResourceCatalog types;

  SnapshotComparison(ResourceApplier live, ResourceCatalog types) {
    this.live = live;
    this.types = types;
  }

  /** The objects compared, and those that differ. */
  record Result(int compared, List<SnapshotDifference> differences) {}

  Result compare(List<SnapshotObject> snapshot) {
    int compared = 0;
    List<SnapshotDifference> differences = new ArrayList<>();
    for (SnapshotObject object : snapshot) {
      if (!comparable(object)) {
        continue;
      }
      compared++;
      String kind = JsonPaths.string(object.object(), "kind").orElse("");
      String namespace = JsonPaths.string(object.object(), "metadata", "namespace").orElse("");
      String name = JsonPaths.string(object.object(), "metadata", "name").orElse("");
      Optional<ApiResource> type = types.forGroupResource(object.groupResource());
      if (type.isEmpty()) {
        differences.add(
            new SnapshotDifference(
                kind, namespace, name, List.of("missing: the source no longer serves its type")));
        continue;
      }
      ApplyResult found = live.get(type.get(), namespace, name);
      if (found.outcome() == ApplyOutcome.NOT_FOUND) {
        differences.add(new SnapshotDifference(kind, namespace, name, List.of("missing")));
      } else if (!found.isSuccess()) {
        differences.add(
            new SnapshotDifference(
                kind,
                namespace,
                name,
                List.of("unreadable: HTTP " + found.httpStatus() + ": " + found.message())));
      } else {
        List<String> fields = differences(object.object(), found.object());
        if (!fields.isEmpty()) {
          differences.add(new SnapshotDifference(kind, namespace, name, fields));
        }
      }
    }
    return new Result(compared, differences);
  }

  /** Whether the object is one a rollback puts back as it was, rather than its controller. */
  static boolean comparable(SnapshotObject snapshot) {
    JsonObject object = snapshot.object();
    if (snapshot.groupResource().equals("endpoints")
        || RestoreSkips.skipReason(snapshot.groupResource(), object).isPresent()) {
      return false;
    }
    return JsonPaths.objects(object, "metadata", "ownerReferences").stream()
        .noneMatch(
            owner ->
                JsonPaths.element(owner, "controller")
                    .map(value -> value.isJsonPrimitive() && value.getAsBoolean())
                    .orElse(false));
  }

  /**
   * The fields in which the two differ after normalisation, e.g. {@code spec.replicas: 3 in the
   * snapshot, 0 live}; at most {@value #MOST_FIELDS}.
   */
  static List<String> differences(JsonObject snapshot, JsonObject live) {
    List<String> fields = new ArrayList<>();
    diff("", normalised(snapshot), normalised(live), fields);
    return fields.size() > MOST_FIELDS ? fields.subList(0, MOST_FIELDS) : fields;
  }

  /** A copy without the fields a correct rollback may change (see the class comment). */
  static JsonObject normalised(JsonObject object) {
    JsonObject copy = object.deepCopy();
    copy.remove("status");
    JsonObject metadata = JsonPaths.object(copy, "metadata").orElseGet(JsonObject::new);
    SERVER_METADATA.forEach(metadata::remove);
    dropKeys(metadata, "annotations", CutoverAnnotations.PRE_QUIESCE);
    dropKeys(metadata, "labels", List.of(RestoreLabels.BACKUP_NAME, RestoreLabels.RESTORE_NAME));
    if ("Service".equals(JsonPaths.string(copy, "kind").orElse(""))) {
      JsonPaths.object(copy, "spec")
          .ifPresent(
              spec -> {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
              });
    }
    return copy;
  }

  private static void dropKeys(JsonObject metadata, String field, List<String> keys) {
    JsonPaths.object(metadata, field)
        .ifPresent(
            map -> {
              keys.forEach(map::remove);
              if (map.size() == 0) {
                metadata.remove(field);
              }
            });
  }

  private static void diff(String path, JsonElement snapshot, JsonElement live, List<String> out) {
    if (snapshot == null || live == null) {
      out.add(difference(path, snapshot, live));
    } else if (snapshot.isJsonObject() && live.isJsonObject()) {
      JsonObject left = snapshot.getAsJsonObject();
      JsonObject right = live.getAsJsonObject();
      TreeSet<String> keys = new TreeSet<>(left.keySet());
      keys.addAll(right.keySet());
      for (String key : keys) {
        diff(path.isEmpty() ? key : path + "." + key, left.get(key), right.get(key), out);
      }
    } else if (snapshot.isJsonArray()
        && live.isJsonArray()
        && snapshot.getAsJsonArray().size() == live.getAsJsonArray().size()) {
      JsonArray left = snapshot.getAsJsonArray();
      JsonArray right = live.getAsJsonArray();
      for (int index = 0; index < left.size(); index++) {
        diff(path + "[" + index + "]", left.get(index), right.get(index), out);
      }
    } else if (!snapshot.equals(live)) {
      out.add(difference(path, snapshot, live));
    }
  }

  private static String difference(String path, JsonElement snapshot, JsonElement live) {
    return path
        + ": "
        + (snapshot == null ? "absent" : snapshot.toString())
        + " in the snapshot, "
        + (live == null ? "absent" : live.toString())
        + " live";
  }
}
