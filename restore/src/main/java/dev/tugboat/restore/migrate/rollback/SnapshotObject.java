package dev.tugboat.restore.migrate.rollback;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One object of an application as the restart-point backup holds it.
 *
 * @param groupResource its type's folder in the backup, e.g. {@code deployments.apps}
 * @param object the object as backed up
 */
record SnapshotObject(String groupResource, JsonObject object) {

  SnapshotObject {
    Objects.requireNonNull(groupResource, "groupResource");
    Objects.requireNonNull(object, "object");
  }
}
