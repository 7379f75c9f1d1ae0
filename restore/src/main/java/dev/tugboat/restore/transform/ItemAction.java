package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import java.util.Optional;

/** One of Velero's built-in restore item actions (velero.md 3.4), for the kinds it applies to. */
interface ItemAction {

  /** Whether this action runs on objects of this group resource, e.g. {@code jobs.batch}. */
  boolean appliesTo(String groupResource);

  /**
   * Changes {@code item} in place.
   *
   * @param item the object being prepared for the create: the transformer's own copy, metadata and
   *     status already reset, still in its source namespace
   * @param backedUp the object as it is in the backup, status included; never to be changed
   * @return why the object must not be restored, when it must not
   */
  Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context);
}
