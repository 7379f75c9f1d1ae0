package dev.tugboat.restore.ledger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.json.JsonPaths;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What happened to one item of a restore.
 *
 * @param groupResource e.g. {@code deployments.apps}
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace the namespace the item was restored into; empty for a cluster-scoped item
 * @param name its name in the target cluster
 * @param disposition what was done
 * @param message why: empty for a plain create; the reason of a skip, a difference or a failure
 * @param before the object as it was in the cluster before the restore changed it (updated or
 *     recreated), to put it back on rollback; null otherwise
 */
public record LedgerEntry(
    String groupResource,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    Disposition disposition,
    String message,
    JsonObject before) {

  public LedgerEntry {
    Objects.requireNonNull(groupResource, "groupResource");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(message, "message");
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped item. */
  public String key() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** Velero's {@code <group resource>/<namespace>/<name>}, for messages. */
  public String describe() {
    return groupResource + "/" + key();
  }

  /** The entry as a staged record: the identity in its fields, the rest as JSON. */
  StagedItem toStaged() {
    JsonObject json = new JsonObject();
    json.addProperty("disposition", disposition.name());
    json.addProperty("message", message);
    if (before != null) {
      json.add("before", before);
    }
    return StagedItem.withApiVersion(
        groupResource,
        apiVersion,
        kind,
        namespace,
        name,
        json.toString().getBytes(StandardCharsets.UTF_8));
  }

  static LedgerEntry fromStaged(StagedItem staged) {
    JsonObject json =
        JsonParser.parseString(new String(staged.json(), StandardCharsets.UTF_8)).getAsJsonObject();
    return new LedgerEntry(
        staged.groupResource(),
        staged.apiVersion(),
        staged.kind(),
        staged.namespace(),
        staged.name(),
        Disposition.valueOf(JsonPaths.string(json, "disposition").orElseThrow()),
        JsonPaths.string(json, "message").orElse(""),
        JsonPaths.object(json, "before").orElse(null));
  }
}
