package dev.tugboat.restore.migrate.cutover;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.DeletePropagation;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.restore.migrate.cutover.QuiesceSwitch.Change;
import dev.tugboat.restore.migrate.cutover.QuiesceSwitch.UnreadableOriginalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes one application out of service in the source cluster once the target runs it, and puts it
 * back for a rollback.
 *
 * <p>Quiescing works like MTC's: Deployments, StatefulSets and unowned ReplicaSets go to 0
 * replicas, CronJobs are suspended, Jobs get parallelism 0 and DaemonSets select a node label no
 * node has. Each change is one merge patch that also records the original value in an annotation
 * ({@link CutoverAnnotations}) and carries the {@code resourceVersion} read just before, so the
 * value and its record change together and the record is exactly the value replaced; a conflict
 * (the object changed in between) is read again and retried. An object that already carries its
 * annotation is left alone, so a rerun after a crash never records 0 as the original. Unquiescing
 * puts the recorded values back and removes the annotations.
 *
 * <p>Every method works on the live objects named by the application's backed-up objects and goes
 * through all of them: a refusal of the API server becomes a {@link CutoverOutcome#FAILED} action
 * and the next object is handled; the caller decides what failures mean. Only a list that is not
 * made of Kubernetes objects throws.
 */
public final class SourceCutover {

  /** Attempts per object when its {@code resourceVersion} keeps changing under the patch. */
  private static final int MAX_ATTEMPTS = 3;

  private static final int CONFLICT = 409;

  private final ResourceApplier source;
  private final ResourceCatalog catalog;
  private final VolumeRetention volumes;

  /**
   * @param source writes to the source cluster
   * @param catalog the types the source cluster serves
   */
  public SourceCutover(ResourceApplier source, ResourceCatalog catalog) {
    this.source = Objects.requireNonNull(source, "source");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.volumes = new VolumeRetention(source, catalog);
  }

  /**
   * Stops the application's workloads in the source cluster.
   *
   * @param objects the application's objects as backed up; only their identity is used, the live
   *     objects are read
   * @return one action per object of a quiescable kind, in the order given; none for a ReplicaSet
   *     that has an owner (its Deployment is quiesced instead) or for other kinds
   * @throws IllegalArgumentException when an object lacks {@code apiVersion}, {@code kind}, {@code
   *     metadata.name}, or the namespace of a namespaced type
   */
  public List<CutoverAction> quiesce(List<JsonObject> objects) {
    return forEachWorkload(
        objects,
        (object, quiesceSwitch, live) -> {
          if (QuiescableKinds.leftToOwner(object, live)) {
            return Step.done(Optional.empty());
          }
          String recorded = annotation(live, quiesceSwitch.annotation());
          if (recorded != null) {
            return Step.done(
                Optional.of(
                    object.action(
                        CutoverOutcome.ALREADY_QUIESCED,
                        "original recorded: " + quiesceSwitch.annotation() + "=" + recorded)));
          }
          Change change = quiesceSwitch.stop(live);
          return Step.patch(
              patch(
                  live,
                  quiesceSwitch.annotation(),
                  new JsonPrimitive(change.original()),
                  change.spec()),
              object.action(CutoverOutcome.QUIESCED, change.detail()));
        });
  }

  /**
   * Puts back what {@link #quiesce} recorded and removes the annotations; objects without an
   * annotation are left alone, so this can be repeated.
   *
   * @return one action per object of a quiescable kind that carried its annotation or could not be
   *     read, in the order given
   * @throws IllegalArgumentException as {@link #quiesce}
   */
  public List<CutoverAction> unquiesce(List<JsonObject> objects) {
    return forEachWorkload(
        objects,
        (object, quiesceSwitch, live) -> {
          String recorded = annotation(live, quiesceSwitch.annotation());
          if (recorded == null) {
            return Step.done(Optional.empty());
          }
          Change change;
          try {
            change = quiesceSwitch.restore(live, recorded);
          } catch (UnreadableOriginalException e) {
            return Step.done(Optional.of(object.action(CutoverOutcome.FAILED, e.getMessage())));
          }
          return Step.patch(
              patch(live, quiesceSwitch.annotation(), JsonNull.INSTANCE, change.spec()),
              object.action(CutoverOutcome.UNQUIESCED, change.detail()));
        });
  }

  /**
   * Deletes the application's namespaced objects from the source cluster in {@link DeletionOrder}
   * (controllers first), each with {@code propagationPolicy=Orphan} so that no delete reaches
   * beyond the objects listed. Namespaces and cluster-scoped objects are kept: other applications
   * may use them, except that the volume of each claim is switched to reclaim policy {@code Retain}
   * before the claim goes ({@link VolumeRetention}): a claim whose volume could not be is not
   * deleted. Quiesce first: a controller deleted while it runs leaves pods that the backup does not
   * name (created since) orphaned and running.
   *
   * @return one action per namespaced object, in deletion order, each claim's preceded by its
   *     volume's; {@link CutoverOutcome#NOT_FOUND} means already gone
   * @throws IllegalArgumentException as {@link #quiesce}, before anything is deleted
   */
  public List<CutoverAction> delete(List<JsonObject> objects) {
    List<CutoverAction> actions = new ArrayList<>();
    for (ObjectRef object : DeletionOrder.sort(namespaced(refs(objects)))) {
      Optional<ApiResource> resource = catalog.forKind(object.group(), object.kind());
      if (resource.isEmpty()) {
        actions.add(notServed(object));
        continue;
      }
      if (object.is("", "PersistentVolumeClaim")) {
        VolumeRetention.Kept kept = volumes.retain(object);
        actions.addAll(kept.actions());
        if (!kept.claimMayGo()) {
          continue;
        }
      }
      ApplyResult deleted =
          source.delete(
              resource.get(), object.namespace(), object.name(), DeletePropagation.ORPHAN);
      actions.add(
          switch (deleted.outcome()) {
            case DELETED -> object.action(CutoverOutcome.DELETED, "dependents orphaned");
            case NOT_FOUND -> object.action(CutoverOutcome.NOT_FOUND, "already gone");
            default -> failed(object, "delete", deleted);
          });
    }
    return actions;
  }

  /**
   * Runs {@code planner} on the live copy of every quiescable object: reads it, and sends the patch
   * the plan asks for, reading again after a conflict.
   */
  private List<CutoverAction> forEachWorkload(List<JsonObject> objects, Planner planner) {
    List<CutoverAction> actions = new ArrayList<>();
    for (ObjectRef object : refs(objects)) {
      Optional<QuiesceSwitch> quiesceSwitch = QuiescableKinds.switchFor(object);
      if (quiesceSwitch.isEmpty()) {
        continue;
      }
      Optional<ApiResource> resource = catalog.forKind(object.group(), object.kind());
      if (resource.isEmpty()) {
        actions.add(notServed(object));
        continue;
      }
      changeLive(resource.get(), object, quiesceSwitch.get(), planner).ifPresent(actions::add);
    }
    return actions;
  }

  private Optional<CutoverAction> changeLive(
      ApiResource resource, ObjectRef object, QuiesceSwitch quiesceSwitch, Planner planner) {
    for (int attempt = 1; ; attempt++) {
      ApplyResult read = source.get(resource, object.namespace(), object.name());
      if (read.outcome() == ApplyOutcome.NOT_FOUND) {
        return Optional.of(object.action(CutoverOutcome.NOT_FOUND, "not in the source cluster"));
      }
      if (!read.isSuccess()) {
        return Optional.of(failed(object, "get", read));
      }
      Step step = planner.plan(object, quiesceSwitch, read.object());
      if (step.patch() == null) {
        return step.action();
      }
      ApplyResult written =
          source.mergePatch(resource, object.namespace(), object.name(), step.patch());
      if (written.isSuccess()) {
        return step.action();
      }
      if (written.outcome() == ApplyOutcome.NOT_FOUND) {
        return Optional.of(object.action(CutoverOutcome.NOT_FOUND, "not in the source cluster"));
      }
      if (written.httpStatus() != CONFLICT || attempt == MAX_ATTEMPTS) {
        return Optional.of(failed(object, "patch", written));
      }
    }
  }

  /**
   * The merge patch that changes the spec and the annotation together, valid only on the version of
   * the object that was read.
   */
  private static JsonObject patch(
      JsonObject live, String annotation, JsonElement annotationValue, JsonObject spec) {
    JsonObject annotations = new JsonObject();
    annotations.add(annotation, annotationValue);
    JsonObject metadata = new JsonObject();
    JsonElement resourceVersion = live.getAsJsonObject("metadata").get("resourceVersion");
    if (resourceVersion != null) {
      metadata.add("resourceVersion", resourceVersion);
    }
    metadata.add("annotations", annotations);
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    patch.add("spec", spec);
    return patch;
  }

  /** The identities of the objects, all checked before the first request is sent. */
  private List<ObjectRef> refs(List<JsonObject> objects) {
    List<ObjectRef> refs = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      ObjectRef object = ObjectRef.of(objects.get(i), i);
      boolean namespaced =
          catalog
              .forKind(object.group(), object.kind())
              .map(ApiResource::namespaced)
              .orElse(QuiescableKinds.switchFor(object).isPresent());
      if (namespaced && object.namespace() == null) {
        throw new IllegalArgumentException(
            "object "
                + i
                + " of the application, "
                + object.groupKind()
                + " "
                + object.name()
                + ", has no metadata.namespace");
      }
      refs.add(object);
    }
    return refs;
  }

  /**
   * The objects that live in a namespace. A type the source does not serve is kept when the object
   * names a namespace, to be reported as not found.
   */
  private List<ObjectRef> namespaced(List<ObjectRef> objects) {
    return objects.stream()
        .filter(object -> object.namespace() != null)
        .filter(
            object ->
                catalog
                    .forKind(object.group(), object.kind())
                    .map(ApiResource::namespaced)
                    .orElse(true))
        .toList();
  }

  private static String annotation(JsonObject live, String key) {
    JsonElement annotations = live.getAsJsonObject("metadata").get("annotations");
    if (annotations == null || !annotations.isJsonObject()) {
      return null;
    }
    JsonElement value = annotations.getAsJsonObject().get(key);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static CutoverAction notServed(ObjectRef object) {
    return object.action(
        CutoverOutcome.NOT_FOUND, object.groupKind() + " is not served by the source cluster");
  }

  private static CutoverAction failed(ObjectRef object, String request, ApplyResult result) {
    String answer =
        result.httpStatus() == 0
            ? result.message()
            : result.message().equals("HTTP " + result.httpStatus())
                ? result.message()
                : "HTTP " + result.httpStatus() + ": " + result.message();
    return object.action(CutoverOutcome.FAILED, request + " failed: " + answer);
  }

  /** Decides, for one quiescable object, what to do with its live copy. */
  @FunctionalInterface
  private interface Planner {
    Step plan(ObjectRef object, QuiesceSwitch quiesceSwitch, JsonObject live);
  }

  /**
   * The next move on one live object: a patch to send and the action to report once it is accepted,
   * or no patch and the action to report now (none when the object is left alone).
   */
  private record Step(JsonObject patch, Optional<CutoverAction> action) {

    static Step done(Optional<CutoverAction> action) {
      return new Step(null, action);
    }

    static Step patch(JsonObject patch, CutoverAction whenAccepted) {
      return new Step(patch, Optional.of(whenAccepted));
    }
  }
}
