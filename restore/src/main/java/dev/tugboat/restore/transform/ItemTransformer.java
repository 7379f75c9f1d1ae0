package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one backed-up object into the object to create in the target cluster, as Velero's {@code
 * restoreItem} does, in its order (velero.md 3.4, last line): metadata and status reset (3.3), the
 * per-kind actions (3.4, 3.5), namespace mapping (3.7), restore labels (3.3). Resource modifiers
 * (3.10), which Velero applies between the actions and the namespace mapping, are not part of it.
 *
 * <p>Pure: the input is never changed, the result is a copy, and nothing is read from a cluster.
 */
public final class ItemTransformer {

  /** Velero's per-object override of the restore's status decision (velero.md 3.3). */
  public static final String RESTORE_STATUS_ANNOTATION = "velero.io/restore-status";

  private static final List<String> RESET_METADATA_FIELDS =
      List.of(
          "generateName",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "ownerReferences");

  private final List<ItemAction> actions =
      List.of(
          new PodAction(),
          new ServiceAction(),
          new JobAction(),
          new ServiceAccountAction(),
          new SecretAction(),
          new PersistentVolumeClaimAction(),
          new PersistentVolumeAction(),
          new RoleBindingAction(),
          new WebhookAction());

  /**
   * @param groupResource the object's group resource as in the archive, e.g. {@code pods}, {@code
   *     deployments.apps}
   * @param item the object as stored in the backup; not changed
   * @throws IllegalArgumentException when the object has no {@code metadata} object, or a field an
   *     action reads is malformed (the message names the object)
   */
  public Transformed transform(String groupResource, JsonObject item, RestoreContext context) {
    JsonObject object = item.deepCopy();
    JsonObject metadata =
        JsonPaths.object(object, "metadata")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        groupResource + " " + describe(item) + " has no metadata object"));
    RESET_METADATA_FIELDS.forEach(metadata::remove);
    object.remove("status");

    for (ItemAction action : actions) {
      if (action.appliesTo(groupResource)) {
        Optional<String> skip = action.apply(object, item, context);
        if (skip.isPresent()) {
          return new Transformed.Skip(skip.get());
        }
      }
    }

    Optional<String> targetNamespace =
        JsonPaths.string(metadata, "namespace")
            .filter(ns -> !ns.isEmpty())
            .map(context::targetNamespace);
    targetNamespace.ifPresent(namespace -> metadata.addProperty("namespace", namespace));
    if (groupResource.equals("namespaces")) {
      JsonPaths.string(metadata, "name")
          .ifPresent(name -> metadata.addProperty("name", context.targetNamespace(name)));
    }

    JsonObject labels = JsonPaths.objectOrCreate(metadata, "labels");
    labels.addProperty(RestoreLabels.BACKUP_NAME, RestoreLabels.validValue(context.backupName()));
    labels.addProperty(RestoreLabels.RESTORE_NAME, RestoreLabels.validValue(context.restoreName()));

    return new Transformed.Create(
        object, targetNamespace, statusToRestore(groupResource, item, context));
  }

  /**
   * The backed-up status, when the restore keeps it (velero.md 3.3 {@code determineRestoreStatus}):
   * the annotation {@code true} or {@code false} (any case, surrounding blanks ignored) decides;
   * without it, or with another value, the restore's list of group resources does.
   */
  private static Optional<JsonObject> statusToRestore(
      String groupResource, JsonObject item, RestoreContext context) {
    boolean keep =
        switch (JsonPaths.string(item, "metadata", "annotations", RESTORE_STATUS_ANNOTATION)
            .map(value -> value.trim().toLowerCase(Locale.ROOT))
            .orElse("")) {
          case "true" -> true;
          case "false" -> false;
          default -> context.restoreStatusResources().contains(groupResource);
        };
    return keep ? JsonPaths.object(item, "status").map(JsonObject::deepCopy) : Optional.empty();
  }

  /** {@code namespace/name} or {@code name} of an object, for messages. */
  static String describe(JsonObject item) {
    String name = JsonPaths.string(item, "metadata", "name").orElse("<unnamed>");
    return JsonPaths.string(item, "metadata", "namespace")
        .filter(ns -> !ns.isEmpty())
        .map(ns -> ns + "/" + name)
        .orElse(name);
  }
}
