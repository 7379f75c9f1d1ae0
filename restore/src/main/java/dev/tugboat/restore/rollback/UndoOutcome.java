package dev.tugboat.restore.rollback;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the rollback did with one item of the restore, or in a dry run would do.
 *
 * @param groupResource e.g. {@code deployments.apps}
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace empty for a cluster-scoped item
 * @param name its name in the target cluster
 * @param action what the ledger asked for
 * @param result how it ended
 * @param reason why, e.g. {@code already gone} or the server's refusal; empty for a plain delete or
 *     put-back
 */
public record UndoOutcome(
    String groupResource,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    UndoAction action,
    UndoResult result,
    String reason) {

  public UndoOutcome {
    Objects.requireNonNull(groupResource, "groupResource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
  }

  static UndoOutcome of(LedgerEntry entry, UndoResult result, String reason) {
    return new UndoOutcome(
        entry.groupResource(),
        entry.apiVersion(),
        entry.kind(),
        entry.namespace(),
        entry.name(),
        UndoAction.undoing(entry.disposition()),
        result,
        reason);
  }

  StagedItem toStaged() {
    JsonObject json = new JsonObject();
    json.addProperty("action", action.name());
    json.addProperty("result", result.name());
    json.addProperty("reason", reason);
    return StagedItem.withApiVersion(
        groupResource,
        apiVersion,
        kind,
        namespace,
        name,
        json.toString().getBytes(StandardCharsets.UTF_8));
  }

  static UndoOutcome fromStaged(StagedItem staged) {
    JsonObject json =
        JsonParser.parseString(new String(staged.json(), StandardCharsets.UTF_8)).getAsJsonObject();
    return new UndoOutcome(
        staged.groupResource(),
        staged.apiVersion(),
        staged.kind(),
        staged.namespace(),
        staged.name(),
        UndoAction.valueOf(JsonPaths.string(json, "action").orElseThrow()),
        UndoResult.valueOf(JsonPaths.string(json, "result").orElseThrow()),
        JsonPaths.string(json, "reason").orElse(""));
  }
}
