package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;

/** Writes that controllers share. */
final class Writes {

  private Writes() {}

  /**
   * Runs one object's reconcile step, ignoring a conflict or a vanished object: both mean an API
   * request changed the object meanwhile, and that change triggers another pass anyway.
   */
  static void ignoringRaces(Runnable step) {
    try {
      step.run();
    } catch (ApiError e) {
      if (e.code() != 404 && e.code() != 409) {
        throw e;
      }
    }
  }

  /**
   * Writes {@code status} as the object's status unless it already is, so that a controller that
   * computes the same status twice goes quiet.
   *
   * @return the object as stored
   */
  static JsonObject statusIfChanged(ClusterState state, JsonObject object, JsonObject status) {
    if (status.equals(object.get("status"))) {
      return object;
    }
    JsonObject changed = object.deepCopy();
    changed.add("status", status);
    return state.updateStatus(changed);
  }

  /** A copy of the object's status to change, empty when it has none. */
  static JsonObject statusCopy(JsonObject object) {
    JsonObject status = JsonFields.object(object, "status");
    return status == null ? new JsonObject() : status.deepCopy();
  }
}
