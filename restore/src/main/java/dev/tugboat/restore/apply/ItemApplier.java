package dev.tugboat.restore.apply;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.apply.ItemOutcome.Action;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one transformed object to the target cluster under an {@link ExistingResourcePolicy}
 * (velero.md 3.6).
 *
 * <p>A real run creates first, so that the common case, a free name, costs exactly one request.
 * Only when the create answers AlreadyExists does it read the object in the cluster and compare
 * both with {@link Normaliser#sameObject}: equal objects are {@link Action#UNCHANGED} and never
 * written; different ones are skipped with Velero's warning ({@code none}), merge-patched to the
 * backed-up state ({@code update}) or deleted and created again ({@code recreate}). A created or
 * recreated object whose backed-up status the restore keeps then gets that status through its
 * status subresource (velero.md 3.3). Every outcome carries the object as it was read, for a
 * rollback.
 *
 * <p>A dry run sends no write request at all, not even one with {@code dryRun=All}: it reads each
 * object and says what a real run would do. It therefore cannot tell objects the server would
 * reject as invalid.
 *
 * <p>A refusal of the object (403, 404, 400/422, 409 Conflict) is a {@link Action#FAILED} item
 * carrying the server's message: an error of the restore. No answer, 5xx or 429 after the client's
 * retries throw {@link ClusterRequestException}. Thread-safe when its {@link ResourceApplier} is.
 */
public final class ItemApplier {

  /**
   * Velero's warning for an existing object that differs (velero.md 3.6), after "could not restore,
   * Kind:name already exists.".
   */
  static final String DIFFERENT_WARNING =
      "Warning: the in-cluster version is different than the backed-up version";

  /**
   * Foreground: the old object is gone only once its dependents are (a Deployment's ReplicaSets and
   * Pods), so the recreated object starts clean instead of running next to the old object's
   * leftovers until the garbage collector removes them.
   */
  private static final DeletePropagation RECREATE_PROPAGATION = DeletePropagation.FOREGROUND;

  private final ResourceApplier cluster;
  private final ExistingResourcePolicy policy;
  private final boolean dryRun;
  private final PollingWait pollingWait;

  private ItemApplier(
      ResourceApplier cluster,
      ExistingResourcePolicy policy,
      boolean dryRun,
      PollingWait pollingWait) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.dryRun = dryRun;
    this.pollingWait = Objects.requireNonNull(pollingWait, "pollingWait");
  }

  /**
   * Applies for real.
   *
   * @param cluster a {@link ResourceApplier#live live} applier
   */
  public static ItemApplier live(
      ResourceApplier cluster, ExistingResourcePolicy policy, PollingWait pollingWait) {
    return new ItemApplier(cluster, policy, false, pollingWait);
  }

  /**
   * Plans: only reads the cluster, through {@link ResourceApplier#get}, and reports what a real run
   * would do.
   */
  public static ItemApplier dryRun(ResourceApplier cluster, ExistingResourcePolicy policy) {
    return new ItemApplier(cluster, policy, true, PollingWait.standard());
  }

  /**
   * Applies one object whose status the restore does not keep.
   *
   * @param type the object's resource type in the target cluster
   * @param desired the object to restore, as the transforms made it (no server fields needed)
   * @throws ClusterRequestException when the cluster gives no usable answer
   * @throws IllegalArgumentException when the object has no name, or a namespace that does not fit
   *     the type's scope
   */
  public ItemOutcome apply(ApiResource type, JsonObject desired) {
    return apply(type, desired, Optional.empty());
  }

  /**
   * Applies one object and, once it is created or recreated, writes its backed-up status.
   *
   * @param type the object's resource type in the target cluster
   * @param desired the object to restore, as the transforms made it (no server fields needed)
   * @param status the status to write through the status subresource, when the restore keeps it
   *     ({@link dev.tugboat.restore.transform.Transformed.Create#status}); never written to an
   *     object that is updated, skipped or unchanged, nor in a dry run
   * @throws ClusterRequestException when the cluster gives no usable answer
   * @throws IllegalArgumentException when the object has no name, or a namespace that does not fit
   *     the type's scope
   */
  public ItemOutcome apply(ApiResource type, JsonObject desired, Optional<JsonObject> status) {
    Objects.requireNonNull(status, "status");
    Target target = Target.of(type, desired);
    if (dryRun) {
      ApplyResult found = cluster.get(type, target.namespace(), target.name());
      return switch (found.outcome()) {
        case NOT_FOUND -> outcome(Action.CREATED, "", null, null);
        case FOUND -> existing(target, desired, found.object());
        default -> refused(target, "read", found, null);
      };
    }
    ApplyResult created = cluster.create(type, desired);
    ItemOutcome written =
        switch (created.outcome()) {
          case CREATED -> outcome(Action.CREATED, "", null, created.object());
          case ALREADY_EXISTS -> existing(target, desired);
          default -> refused(target, "create", created, null);
        };
    boolean isNew = written.action() == Action.CREATED || written.action() == Action.RECREATED;
    return isNew && status.isPresent() ? withStatus(target, status.get(), written) : written;
  }

  /** Writes the kept status of an object just created or recreated. */
  private ItemOutcome withStatus(Target target, JsonObject status, ItemOutcome written) {
    ApplyResult patched =
        cluster.mergePatchStatus(target.type(), target.namespace(), target.name(), status);
    if (patched.outcome() == ApplyOutcome.UPDATED || patched.outcome() == ApplyOutcome.UNCHANGED) {
      return outcome(written.action(), written.message(), written.before(), patched.object());
    }
    if (!isRefusalOfTheObject(patched)) {
      throw unusable(target, "restore the status of", patched);
    }
    return outcome(
        Action.FAILED,
        target
            + " was "
            + written.action().name().toLowerCase(Locale.ROOT)
            + " but its status was not restored: "
            + patched.message(),
        written.before(),
        written.applied());
  }

  /** The create found the name taken: read what is there. */
  private ItemOutcome existing(Target target, JsonObject desired) {
    ApplyResult found = cluster.get(target.type(), target.namespace(), target.name());
    if (found.outcome() == ApplyOutcome.NOT_FOUND) {
      return outcome(
          Action.FAILED,
          target + " already existed, then was deleted by someone else while being restored",
          null,
          null);
    }
    if (found.outcome() != ApplyOutcome.FOUND) {
      return refused(target, "read", found, null);
    }
    return existing(target, desired, found.object());
  }

  private ItemOutcome existing(Target target, JsonObject desired, JsonObject live) {
    if (Normaliser.sameObject(live, desired)) {
      return outcome(Action.UNCHANGED, "", live, null);
    }
    // Values the server assigned where desired leaves them out are not differences: kept as they
    // are, neither reported nor patched away.
    JsonObject patch =
        MergePatch.between(
            Normaliser.withoutServerFields(Normaliser.withoutAssignedValues(live, desired)),
            Normaliser.withoutServerFields(desired));
    // The restore labels are written by the patch but are not what makes the objects differ.
    JsonObject comparedLive =
        Normaliser.forComparison(Normaliser.withoutAssignedValues(live, desired));
    String differences =
        "differs in "
            + String.join(
                ", ",
                MergePatch.paths(
                    MergePatch.between(comparedLive, Normaliser.forComparison(desired))));
    return switch (policy) {
      case NONE ->
          outcome(
              Action.SKIPPED,
              "could not restore, "
                  + target.kindAndName()
                  + " already exists. "
                  + DIFFERENT_WARNING
                  + " ("
                  + differences
                  + ")",
              live,
              null);
      case UPDATE ->
          dryRun ? outcome(Action.UPDATED, differences, live, null) : update(target, patch, live);
      case RECREATE ->
          dryRun
              ? outcome(Action.RECREATED, differences, live, null)
              : recreate(target, desired, live);
    };
  }

  private ItemOutcome update(Target target, JsonObject patch, JsonObject live) {
    ApplyResult patched =
        cluster.mergePatch(target.type(), target.namespace(), target.name(), patch);
    return switch (patched.outcome()) {
      case UPDATED -> outcome(Action.UPDATED, "", live, patched.object());
      // The server found nothing to change, e.g. the patch removed a field it defaults again.
      case UNCHANGED -> outcome(Action.UNCHANGED, "", live, null);
      default -> refused(target, "update", patched, live);
    };
  }

  private ItemOutcome recreate(Target target, JsonObject desired, JsonObject live) {
    ApplyResult deleted =
        cluster.delete(target.type(), target.namespace(), target.name(), RECREATE_PROPAGATION);
    if (deleted.outcome() != ApplyOutcome.DELETED && deleted.outcome() != ApplyOutcome.NOT_FOUND) {
      return refused(target, "delete", deleted, live);
    }
    // A delete that answers with the object has not finished: finalizers or dependents remain.
    boolean stillThere = deleted.object() != null;
    if (stillThere && !pollingWait.until(() -> isGone(target))) {
      return outcome(
          Action.FAILED,
          target + " was deleted but still exists after " + pollingWait.timeout(),
          live,
          null);
    }
    ApplyResult created = cluster.create(target.type(), desired);
    return switch (created.outcome()) {
      case CREATED -> outcome(Action.RECREATED, "", live, created.object());
      case ALREADY_EXISTS ->
          outcome(
              Action.FAILED,
              target + " was created again by someone else while being recreated",
              live,
              null);
      default -> refused(target, "create", created, live);
    };
  }

  private boolean isGone(Target target) {
    ApplyResult found = cluster.get(target.type(), target.namespace(), target.name());
    return switch (found.outcome()) {
      case NOT_FOUND -> true;
      case FOUND -> false;
      default -> throw unusable(target, "read", found);
    };
  }

  /**
   * A refusal of this object is a failed item; anything else means the cluster cannot answer.
   *
   * @param call the request, for the message: {@code create}, {@code read}...
   * @param live the object as read before the request; {@code null} when it was not read
   */
  private ItemOutcome refused(Target target, String call, ApplyResult result, JsonObject live) {
    if (!isRefusalOfTheObject(result)) {
      throw unusable(target, call, result);
    }
    return outcome(
        Action.FAILED, "error restoring " + target + ": " + result.message(), live, null);
  }

  private static boolean isRefusalOfTheObject(ApplyResult result) {
    return switch (result.outcome()) {
      case FORBIDDEN, INVALID, NOT_FOUND, ALREADY_EXISTS -> true;
      // A 409 Conflict: the object changed under the request.
      case FAILED -> result.httpStatus() == 409;
      default -> false;
    };
  }

  private static ClusterRequestException unusable(Target target, String call, ApplyResult result) {
    String status = result.httpStatus() == 0 ? "" : "HTTP " + result.httpStatus() + ": ";
    return new ClusterRequestException(
        "could not " + call + " " + target + ": " + status + result.message());
  }

  private ItemOutcome outcome(
      Action action, String message, JsonObject before, JsonObject applied) {
    return new ItemOutcome(action, dryRun, message, before, applied);
  }

  /** Which object an item is about. */
  private record Target(ApiResource type, String namespace, String name) {

    static Target of(ApiResource type, JsonObject object) {
      String name =
          JsonPaths.string(object, "metadata", "name")
              .filter(n -> !n.isEmpty())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "a " + type.kind() + " to restore needs metadata.name"));
      String namespace =
          JsonPaths.string(object, "metadata", "namespace")
              .filter(ns -> !ns.isEmpty())
              .orElse(null);
      return new Target(type, namespace, name);
    }

    /** Velero's {@code Kind:name}, as in its warning. */
    String kindAndName() {
      return type.kind() + ":" + name;
    }

    /** Velero's {@code <group resource>/<namespace>/<name>}, as in its error strings (3.8). */
    @Override
    public String toString() {
      return String.join(
          "/",
          namespace == null
              ? List.of(type.groupResource(), name)
              : List.of(type.groupResource(), namespace, name));
    }
  }
}
