package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;

/**
 * An admission plug-in: sees every create and update before it is stored, may change the object
 * (defaults) or refuse it with an {@link ApiError} (e.g. 403 {@code Forbidden} "exceeded quota").
 * Dry-run requests are admitted too.
 */
public interface Admission {

  enum Operation {
    CREATE,
    UPDATE
  }

  /**
   * @param object the incoming object, complete with {@code apiVersion}, {@code kind} and
   *     namespace; may be changed in place
   * @param old the stored object for an update, null for a create
   * @throws ApiError to refuse the request
   */
  void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state);

  /**
   * Called after an object is stored or deleted, for plug-ins that keep usage current (quota).
   *
   * @param object the object as stored, null after a delete
   * @param old the object before, null after a create
   */
  default void stored(JsonObject object, JsonObject old, ClusterState state) {}
}
