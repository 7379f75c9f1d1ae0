package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/** The kinds quiescing stops, each with its switch; MTC's list without OpenShift's kinds. */
final class QuiescableKinds {

  private static final Map<String, QuiesceSwitch> SWITCHES =
      Map.of(
          "apps/Deployment", ScalarSwitch.REPLICAS,
          "apps/StatefulSet", ScalarSwitch.REPLICAS,
          "apps/ReplicaSet", ScalarSwitch.REPLICAS,
          "apps/DaemonSet", NodeSelectorSwitch.INSTANCE,
          "batch/CronJob", ScalarSwitch.SUSPEND,
          "batch/Job", ScalarSwitch.PARALLELISM);

  private QuiescableKinds() {}

  /** The switch of the object's kind; empty for kinds that run nothing by themselves. */
  static Optional<QuiesceSwitch> switchFor(ObjectRef object) {
    return Optional.ofNullable(SWITCHES.get(object.groupKind()));
  }

  /**
   * Whether quiescing leaves the live object to its owner: a ReplicaSet of a Deployment is scaled
   * by the Deployment, which would undo a change made to the ReplicaSet itself.
   */
  static boolean leftToOwner(ObjectRef object, JsonObject live) {
    if (!object.is("apps", "ReplicaSet")) {
      return false;
    }
    JsonElement owners = live.getAsJsonObject("metadata").get("ownerReferences");
    return owners != null && owners.isJsonArray() && !owners.getAsJsonArray().isEmpty();
  }
}
