package dev.tugboat.restore.rollback;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.transform.RestoreLabels;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Undoes what a restore did to one object, reading the object first, so that doing it again after a
 * crash changes nothing more: an object already gone counts as deleted, one already equal to its
 * before-image as put back.
 *
 * <p>Deletes use background propagation: the server removes the object at once and its garbage
 * collector then removes the dependents its controller made (ReplicaSets, Pods), which the ledger
 * does not name. Foreground propagation would keep each object, marked for deletion, until its
 * dependents are gone, and gain nothing: the garbage collector matches owners by uid, so the
 * dependents of a deleted object go even when its before-image is created again under its name.
 *
 * <p>A dry run only reads: it tells what would be done.
 */
final class ItemUndo {

  private final ResourceApplier cluster;
  private final ObjectReplacer replacer;
  private final PollingWait deletionWait;
  private final String restoreLabel;
  private final boolean dryRun;

  /**
   * @param restore the restore rolled back, whose label a created object must still carry
   * @param deletionWait how long a recreated object may take to go before its before-image is
   *     created
   */
  ItemUndo(
      ResourceApplier cluster,
      ObjectReplacer replacer,
      PollingWait deletionWait,
      String restore,
      boolean dryRun) {
    this.cluster = cluster;
    this.replacer = replacer;
    this.deletionWait = deletionWait;
    this.restoreLabel = RestoreLabels.validValue(restore);
    this.dryRun = dryRun;
  }

  UndoOutcome undo(LedgerEntry entry) {
    return switch (UndoAction.undoing(entry.disposition())) {
      case DELETE -> delete(entry);
      case PUT_BACK -> putBack(entry);
      case RECREATE -> recreate(entry);
      case LEAVE -> leave(entry);
    };
  }

  private UndoOutcome delete(LedgerEntry entry) {
    ApiResource type = typeOf(entry);
    ApplyResult live = cluster.get(type, namespaceOf(entry), entry.name());
    if (live.outcome() == ApplyOutcome.NOT_FOUND) {
      return UndoOutcome.of(entry, UndoResult.DELETED, "already gone");
    }
    if (!live.isSuccess()) {
      return failed(entry, "cannot be read", live);
    }
    if (JsonPaths.string(live.object(), "metadata", "deletionTimestamp").isPresent()) {
      return UndoOutcome.of(entry, UndoResult.DELETED, "already being deleted");
    }
    Optional<String> label =
        JsonPaths.string(live.object(), "metadata", "labels", RestoreLabels.RESTORE_NAME);
    if (!label.equals(Optional.of(restoreLabel))) {
      return UndoOutcome.of(
          entry,
          UndoResult.LEFT_ALONE,
          "it no longer carries the label "
              + RestoreLabels.RESTORE_NAME
              + "="
              + restoreLabel
              + label.map(value -> " (it is " + value + ")").orElse(""));
    }
    if (dryRun) {
      return UndoOutcome.of(entry, UndoResult.DELETED, "");
    }
    ApplyResult deleted =
        cluster.delete(type, namespaceOf(entry), entry.name(), DeletePropagation.BACKGROUND);
    if (deleted.outcome() == ApplyOutcome.DELETED || deleted.outcome() == ApplyOutcome.NOT_FOUND) {
      return UndoOutcome.of(entry, UndoResult.DELETED, "");
    }
    return failed(entry, "delete refused", deleted);
  }

  private UndoOutcome putBack(LedgerEntry entry) {
    ApiResource type = typeOf(entry);
    JsonObject before = beforeImageOf(entry);
    ApplyResult live = cluster.get(type, namespaceOf(entry), entry.name());
    if (live.outcome() == ApplyOutcome.NOT_FOUND) {
      return create(entry, type, before, "created again: it was gone");
    }
    if (!live.isSuccess()) {
      return failed(entry, "cannot be read", live);
    }
    if (BeforeImage.matches(live.object(), before)) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, "already equal to its before-image");
    }
    if (dryRun) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, "");
    }
    Optional<String> refused = replacer.replace(type, BeforeImage.replacing(before, live.object()));
    return refused
        .map(reason -> UndoOutcome.of(entry, UndoResult.FAILED, "replace refused: " + reason))
        .orElseGet(() -> UndoOutcome.of(entry, UndoResult.PUT_BACK, ""));
  }

  private UndoOutcome recreate(LedgerEntry entry) {
    ApiResource type = typeOf(entry);
    JsonObject before = beforeImageOf(entry);
    String namespace = namespaceOf(entry);
    ApplyResult live = cluster.get(type, namespace, entry.name());
    if (live.outcome() == ApplyOutcome.NOT_FOUND) {
      return create(entry, type, before, "");
    }
    if (!live.isSuccess()) {
      return failed(entry, "cannot be read", live);
    }
    if (BeforeImage.matches(live.object(), before)) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, "already equal to its before-image");
    }
    if (dryRun) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, "");
    }
    ApplyResult deleted =
        cluster.delete(type, namespace, entry.name(), DeletePropagation.BACKGROUND);
    if (!deleted.isSuccess() && deleted.outcome() != ApplyOutcome.NOT_FOUND) {
      return failed(entry, "delete refused", deleted);
    }
    // Finalizers may keep it a while; its name is free only once it is gone.
    boolean gone =
        deletionWait.until(
            () -> cluster.get(type, namespace, entry.name()).outcome() == ApplyOutcome.NOT_FOUND);
    if (!gone) {
      return UndoOutcome.of(
          entry,
          UndoResult.FAILED,
          "deleted, but still there after " + deletionWait.timeout() + ": finalizers?");
    }
    return create(entry, type, before, "");
  }

  private UndoOutcome create(LedgerEntry entry, ApiResource type, JsonObject before, String why) {
    if (dryRun) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, why);
    }
    ApplyResult created = cluster.create(type, BeforeImage.writable(before));
    if (created.outcome() == ApplyOutcome.CREATED) {
      return UndoOutcome.of(entry, UndoResult.PUT_BACK, why);
    }
    return failed(entry, "create refused", created);
  }

  /** The outcome of an entry the rollback does not touch, with the reason. */
  static UndoOutcome leave(LedgerEntry entry) {
    String why =
        switch (entry.disposition()) {
          case UNCHANGED -> "the restore found it equal and did not write it";
          case SKIPPED -> "the restore left it as it was: " + entry.message();
          case NOT_RESTORED -> "the restore did not restore it: " + entry.message();
          case FAILED -> "the restore failed on it: " + entry.message();
          case CREATED, UPDATED, RECREATED ->
              throw new IllegalArgumentException(entry.describe() + " is not left alone");
        };
    return UndoOutcome.of(entry, UndoResult.LEFT_ALONE, why);
  }

  private static UndoOutcome failed(LedgerEntry entry, String what, ApplyResult result) {
    return UndoOutcome.of(entry, UndoResult.FAILED, what + ": " + result.message());
  }

  private static JsonObject beforeImageOf(LedgerEntry entry) {
    if (entry.before() == null) {
      throw new IllegalStateException(
          "the ledger has no before-image of " + entry.describe() + ", " + entry.disposition());
    }
    return entry.before();
  }

  private static String namespaceOf(LedgerEntry entry) {
    return entry.namespace().isEmpty() ? null : entry.namespace();
  }

  /** The type of a ledger entry: the ledger names it fully, so no discovery is needed. */
  static ApiResource typeOf(LedgerEntry entry) {
    String groupResource = entry.groupResource();
    int dot = groupResource.indexOf('.');
    String plural = dot < 0 ? groupResource : groupResource.substring(0, dot);
    String group = dot < 0 ? "" : groupResource.substring(dot + 1);
    String version = entry.apiVersion().substring(entry.apiVersion().lastIndexOf('/') + 1);
    return new ApiResource(
        group,
        version,
        plural,
        entry.kind(),
        !entry.namespace().isEmpty(),
        Set.of("get", "create", "update", "delete"),
        List.of(),
        version);
  }
}
