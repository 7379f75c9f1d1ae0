package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What deleting does beyond removing one object: finalizers (the object stays, marked with {@code
 * deletionTimestamp}, until its last finalizer is removed), garbage collection of dependents by
 * {@code ownerReferences} for each propagation policy, namespace termination, and the end of a
 * custom resource definition's objects. The real API server does most of this in background
 * controllers; the sandbox does it at once, inside the deleting request, so tests need not wait.
 * Everything runs under the store's write lock.
 */
final class Deletions {

  static final String FOREGROUND_FINALIZER = "foregroundDeletion";

  private final ObjectStore store;
  private final ResourceTypes types;
  private final ObjectService service;

  /**
   * @param object the object's last state, or its state now when it waits for finalizers
   * @param removed whether it is gone
   */
  record Result(JsonObject object, boolean removed) {}

  Deletions(ObjectStore store, ResourceTypes types, ObjectService service) {
    this.store = store;
    this.types = types;
    this.service = service;
  }

  Result delete(ResourceType type, StoredObject current, String propagation, boolean dryRun) {
    JsonObject object = current.toJson();
    if (dryRun) {
      return new Result(object, !current.hasFinalizers());
    }
    if (isNamespace(type)) {
      return terminateNamespace(type, current);
    }
    switch (propagation) {
      case "Orphan" -> orphanDependents(current.uid());
      case "Foreground" -> {
        if (!store.dependentsOf(current.uid()).isEmpty()) {
          return deleteInForeground(type, current);
        }
      }
      case "Background" -> {
        // dependents go after the owner, in afterRemoval
      }
      default ->
          throw new ApiError(
              400,
              "BadRequest",
              "unsupported propagationPolicy \""
                  + propagation
                  + "\": use Orphan, Background or Foreground");
    }
    if (current.hasFinalizers()) {
      return new Result(markDeleting(type, current, null), false);
    }
    JsonObject last = service.removeNow(type, object);
    afterRemoval(type, current, last);
    return new Result(last, true);
  }

  /** Whether a terminating object without finalizers may go: a namespace must be empty too. */
  boolean mayRemove(ResourceType type, JsonObject object) {
    return !isNamespace(type) || namespaceIsEmpty(JsonFields.string(object, "metadata", "name"));
  }

  /** Collects what the removal of {@code removed} leaves behind. */
  void afterRemoval(ResourceType type, StoredObject removed, JsonObject last) {
    if (CustomResourceDefinitions.isDefinition(type)) {
      removeCustomResources(last);
    }
    collectDependents(removed.uid());
    for (String ownerUid : removed.ownerUids()) {
      finishForegroundOwner(ownerUid);
    }
    if (removed.namespace() != null) {
      finishNamespace(removed.namespace());
    }
  }

  /** Background propagation: dependents none of whose owners remain are deleted. */
  private void collectDependents(String ownerUid) {
    for (ObjectStore.ObjectRef ref : store.dependentsOf(ownerUid)) {
      Optional<StoredObject> dependent = store.get(ref);
      Optional<ResourceType> dependentType = types.byGroupResource(ref.resource());
      if (dependent.isEmpty() || dependentType.isEmpty() || dependent.get().terminating()) {
        continue;
      }
      boolean orphaned =
          dependent.get().ownerUids().stream().noneMatch(uid -> store.findUid(uid).isPresent());
      if (orphaned) {
        delete(dependentType.get(), dependent.get(), "Background", false);
      }
    }
  }

  /**
   * Foreground propagation: the owner is marked (finalizer {@code foregroundDeletion}), its
   * dependents are deleted in the foreground too, and the owner goes once none remains.
   */
  private Result deleteInForeground(ResourceType type, StoredObject owner) {
    markDeleting(type, owner, FOREGROUND_FINALIZER);
    for (ObjectStore.ObjectRef ref : store.dependentsOf(owner.uid())) {
      Optional<StoredObject> dependent = store.get(ref);
      Optional<ResourceType> dependentType = types.byGroupResource(ref.resource());
      if (dependent.isPresent() && dependentType.isPresent() && !dependent.get().terminating()) {
        delete(dependentType.get(), dependent.get(), "Foreground", false);
      }
    }
    // the last dependent's removal may have finished the owner already
    Optional<StoredObject> after = store.get(type, owner.key());
    return after
        .map(stored -> new Result(stored.toJson(), false))
        .orElseGet(() -> new Result(owner.toJson(), true));
  }

  private void finishForegroundOwner(String ownerUid) {
    Optional<ObjectStore.ObjectRef> ref = store.findUid(ownerUid);
    Optional<StoredObject> owner = ref.flatMap(store::get);
    if (owner.isEmpty() || !owner.get().terminating()) {
      return;
    }
    JsonObject object = owner.get().toJson();
    JsonArray finalizers = finalizers(object);
    if (!finalizers.contains(new JsonPrimitive(FOREGROUND_FINALIZER))
        || !store.dependentsOf(ownerUid).isEmpty()) {
      return;
    }
    ResourceType type = types.byGroupResource(ref.get().resource()).orElseThrow();
    JsonObject old = object.deepCopy();
    finalizers.remove(new JsonPrimitive(FOREGROUND_FINALIZER));
    if (finalizers.isEmpty()) {
      JsonObject last = service.removeNow(type, object);
      afterRemoval(type, owner.get(), last);
    } else {
      service.commit(type, object, old);
    }
  }

  /** Orphan propagation: dependents lose their owner reference and stay. */
  private void orphanDependents(String ownerUid) {
    for (ObjectStore.ObjectRef ref : store.dependentsOf(ownerUid)) {
      Optional<StoredObject> dependent = store.get(ref);
      Optional<ResourceType> dependentType = types.byGroupResource(ref.resource());
      if (dependent.isEmpty() || dependentType.isEmpty()) {
        continue;
      }
      JsonObject object = dependent.get().toJson();
      JsonObject old = object.deepCopy();
      JsonElement references = JsonFields.object(object, "metadata").get("ownerReferences");
      JsonArray kept = new JsonArray();
      for (JsonElement reference : references.getAsJsonArray()) {
        if (!ownerUid.equals(JsonFields.string(reference.getAsJsonObject(), "uid"))) {
          kept.add(reference);
        }
      }
      if (kept.isEmpty()) {
        JsonFields.object(object, "metadata").remove("ownerReferences");
      } else {
        JsonFields.object(object, "metadata").add("ownerReferences", kept);
      }
      service.commit(dependentType.get(), object, old);
    }
  }

  /**
   * Marks an object as being deleted ({@code deletionTimestamp}), adding {@code finalizer} when not
   * null.
   */
  private JsonObject markDeleting(ResourceType type, StoredObject current, String finalizer) {
    JsonObject object = current.toJson();
    JsonObject old = object.deepCopy();
    JsonObject metadata = JsonFields.object(object, "metadata");
    if (!metadata.has("deletionTimestamp")) {
      metadata.addProperty("deletionTimestamp", service.now().toString());
      metadata.addProperty("deletionGracePeriodSeconds", 0);
    }
    if (finalizer != null) {
      JsonArray finalizers = finalizers(object);
      if (!finalizers.contains(new JsonPrimitive(finalizer))) {
        finalizers.add(finalizer);
      }
      metadata.add("finalizers", finalizers);
    }
    return object.equals(old) ? object : service.commit(type, object, old);
  }

  /**
   * Sets the namespace Terminating, deletes everything in it and removes it once empty (objects
   * with finalizers can keep it Terminating).
   */
  private Result terminateNamespace(ResourceType type, StoredObject namespace) {
    String name = namespace.name();
    if (!namespace.terminating()) {
      JsonObject object = namespace.toJson();
      JsonObject old = object.deepCopy();
      JsonFields.object(object, "metadata")
          .addProperty("deletionTimestamp", service.now().toString());
      JsonFields.object(object, "metadata").addProperty("deletionGracePeriodSeconds", 0);
      JsonFields.child(object, "status").addProperty("phase", "Terminating");
      service.commit(type, object, old);
    }
    for (ResourceType contentType : types.storages()) {
      if (!contentType.namespaced()) {
        continue;
      }
      List<StoredObject> contents =
          new ArrayList<>(
              store.objects(contentType).subMap(name + "/", true, name + "0", false).values());
      for (StoredObject content : contents) {
        Optional<StoredObject> still = store.get(contentType, content.key());
        if (still.isPresent() && !still.get().terminating()) {
          delete(contentType, still.get(), "Background", false);
        }
      }
    }
    finishNamespace(name);
    Optional<StoredObject> after = store.get(type, name);
    return after
        .map(stored -> new Result(stored.toJson(), false))
        .orElseGet(() -> new Result(namespace.toJson(), true));
  }

  /** Removes a terminating namespace once it is empty and has no finalizers. */
  private void finishNamespace(String name) {
    ResourceType namespaces = types.byGroupResource("namespaces").orElseThrow();
    Optional<StoredObject> namespace = store.get(namespaces, name);
    if (namespace.isEmpty()
        || !namespace.get().terminating()
        || namespace.get().hasFinalizers()
        || !namespaceIsEmpty(name)) {
      return;
    }
    JsonObject object = namespace.get().toJson();
    JsonObject spec = JsonFields.object(object, "spec");
    if (spec != null) {
      // the namespace controller's own finalizer is done once the namespace is empty
      spec.add("finalizers", new JsonArray());
    }
    service.removeNow(namespaces, object);
  }

  private boolean namespaceIsEmpty(String name) {
    return types.storages().stream()
        .filter(ResourceType::namespaced)
        .allMatch(
            type -> store.objects(type).subMap(name + "/", true, name + "0", false).isEmpty());
  }

  /** A deleted CRD takes its objects and its API with it. */
  private void removeCustomResources(JsonObject crd) {
    String crdName = JsonFields.string(crd, "metadata", "name");
    List<ResourceType> defined = CustomResourceDefinitions.types(crd);
    if (!defined.isEmpty()) {
      ResourceType storage = defined.get(0);
      for (StoredObject object : new ArrayList<>(store.objects(storage).values())) {
        service.removeNow(storage, object.toJson());
      }
      store.dropResource(storage);
    }
    types.unregister(crdName);
  }

  private static boolean isNamespace(ResourceType type) {
    return type.group().isEmpty() && type.plural().equals("namespaces");
  }

  private static JsonArray finalizers(JsonObject object) {
    JsonElement finalizers = JsonFields.object(object, "metadata").get("finalizers");
    return finalizers instanceof JsonArray array ? array : new JsonArray();
  }
}
