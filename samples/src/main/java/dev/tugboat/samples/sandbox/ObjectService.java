package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The API semantics of the sandbox, shared by HTTP requests and by {@link ClusterState}: create,
 * read, list, update, patch and delete objects with the server-set fields, validation, admission,
 * namespaces, status subresources and scale of a Kubernetes API server. Every write runs under the
 * store's write lock.
 */
final class ObjectService {

  private static final String GENERATE_NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ObjectStore store;
  private final ResourceTypes types;
  private final List<Admission> admissions;
  private final Clock clock;
  private final Random random;
  private final ContinueTokens continueTokens;
  private final TypeDefaults defaults = new TypeDefaults();
  private final Deletions deletions;
  private final ClusterState state;

  /** The outcome of a write: the object and whether it was created (HTTP 201). */
  record Written(JsonObject object, boolean created) {}

  ObjectService(
      ObjectStore store,
      ResourceTypes types,
      List<Admission> admissions,
      Clock clock,
      Random random,
      ContinueTokens continueTokens) {
    this.store = store;
    this.types = types;
    this.admissions = List.copyOf(admissions);
    this.clock = clock;
    this.random = random;
    this.continueTokens = continueTokens;
    this.deletions = new Deletions(store, types, this);
    this.state = new ServiceClusterState(this, types);
  }

  /** The sandbox as controllers and admission plug-ins see it. */
  ClusterState state() {
    return state;
  }

  ResourceTypes types() {
    return types;
  }

  // ---- reads ----

  StoredObject get(ResourceType type, String namespace, String name) {
    return store
        .get(type, StoredObject.keyOf(namespace, name))
        .orElseThrow(() -> ResourceError.notFound(type, name));
  }

  Optional<StoredObject> find(ResourceType type, String namespace, String name) {
    return store.get(type, StoredObject.keyOf(namespace, name));
  }

  /**
   * One page of the objects of {@code type} (in {@code namespace}, or all when null) that match
   * {@code filter}, in key order.
   *
   * @param limit page size; 0 for everything
   * @param continueToken the previous page's token, or null for the first page
   */
  ListPage list(
      ResourceType type, String namespace, ObjectFilter filter, long limit, String continueToken) {
    long resourceVersion = store.resourceVersion();
    NavigableMap<String, StoredObject> range = store.objects(type);
    if (namespace != null) {
      // keys are "namespace/name"; '0' is the character after '/'
      range = range.subMap(namespace + "/", true, namespace + "0", false);
    }
    long listed = 0;
    if (continueToken != null && !continueToken.isEmpty()) {
      ContinueTokens.Position position = continueTokens.read(continueToken);
      resourceVersion = position.resourceVersion();
      listed = position.listed();
      range = range.tailMap(position.lastKey(), false);
    }
    List<StoredObject> items = new ArrayList<>();
    String lastKey = null;
    boolean more = false;
    for (StoredObject object : range.values()) {
      if (!filter.matches(object)) {
        continue;
      }
      if (limit > 0 && items.size() == limit) {
        more = true;
        break;
      }
      items.add(object);
      lastKey = object.key();
    }
    if (!more) {
      return new ListPage(items, resourceVersion, null, null);
    }
    // Like the API server, count what remains only when no selector makes that a guess. Stored
    // count minus what
    // was listed: an estimate while objects change, as the API allows, and O(1) where counting the
    // view is O(n).
    listed += items.size();
    Long remaining = filter.isEmpty() ? Math.max(0, store.count(type, namespace) - listed) : null;
    return new ListPage(
        items, resourceVersion, continueTokens.issue(lastKey, resourceVersion, listed), remaining);
  }

  // ---- writes ----

  /**
   * Creates an object.
   *
   * @param trusted a controller or seed write: keeps the given status, which an API create drops
   */
  JsonObject create(
      ResourceType type, String namespace, JsonObject body, boolean dryRun, boolean trusted) {
    return store.write(() -> createLocked(type, namespace, body, dryRun, trusted));
  }

  /** Replaces an object (PUT); changes to {@code status} are ignored where it is a subresource. */
  JsonObject update(
      ResourceType type, String namespace, String name, JsonObject body, boolean dryRun) {
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          checkIdentity(type, namespace, name, body);
          checkResourceVersion(
              type, current, JsonFields.string(body, "metadata", "resourceVersion"));
          JsonObject updated = body.deepCopy();
          if (type.hasStatus()) {
            copyStatus(current.toJson(), updated);
          }
          return replace(type, current, updated, dryRun, true);
        });
  }

  /** Replaces an object's status ({@code /status} PUT); everything else is ignored. */
  JsonObject updateStatus(
      ResourceType type, String namespace, String name, JsonObject body, boolean dryRun) {
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          checkIdentity(type, namespace, name, body);
          checkResourceVersion(
              type, current, JsonFields.string(body, "metadata", "resourceVersion"));
          JsonObject updated = current.toJson();
          copyStatus(body, updated);
          return replace(type, current, updated, dryRun, false);
        });
  }

  /**
   * Patches an object, its status ({@code subresource} "status") or its scale ("scale"). A
   * server-side apply of a missing object creates it.
   */
  Written patch(
      ResourceType type,
      String namespace,
      String name,
      String subresource,
      PatchType patchType,
      String body,
      boolean dryRun) {
    return store.write(
        () -> {
          String key = StoredObject.keyOf(namespace, name);
          StoredObject current = store.get(type, key).orElse(null);
          if (current == null) {
            if (patchType == PatchType.APPLY && subresource == null) {
              JsonObject object = YamlJson.parseObject(body);
              checkIdentity(type, namespace, name, object);
              return new Written(createLocked(type, namespace, object, dryRun, false), true);
            }
            throw ResourceError.notFound(type, name);
          }
          JsonObject old = current.toJson();
          if ("scale".equals(subresource)) {
            JsonObject scale = PatchBodies.apply(patchType, Scales.of(old), body);
            checkResourceVersion(
                type, current, JsonFields.string(scale, "metadata", "resourceVersion"));
            JsonObject updated = old.deepCopy();
            JsonFields.child(updated, "spec")
                .addProperty("replicas", Scales.desiredReplicas(scale));
            return new Written(replace(type, current, updated, dryRun, true), false);
          }
          JsonObject patched = PatchBodies.apply(patchType, old, body);
          checkResourceVersion(
              type, current, JsonFields.string(patched, "metadata", "resourceVersion"));
          if ("status".equals(subresource)) {
            JsonObject updated = old.deepCopy();
            copyStatus(patched, updated);
            return new Written(replace(type, current, updated, dryRun, false), false);
          }
          if (type.hasStatus()) {
            copyStatus(old, patched);
          }
          return new Written(replace(type, current, patched, dryRun, true), false);
        });
  }

  /** Sets a workload's desired replicas through its {@code /scale} subresource (PUT). */
  JsonObject updateScale(
      ResourceType type, String namespace, String name, JsonObject scale, boolean dryRun) {
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          checkResourceVersion(
              type, current, JsonFields.string(scale, "metadata", "resourceVersion"));
          JsonObject updated = current.toJson();
          JsonFields.child(updated, "spec").addProperty("replicas", Scales.desiredReplicas(scale));
          return replace(type, current, updated, dryRun, true);
        });
  }

  /**
   * Deletes an object.
   *
   * @param propagation {@code Background}, {@code Foreground} or {@code Orphan}; null for the
   *     default (background)
   * @param preconditionUid when not null, the object must have this uid
   * @param preconditionResourceVersion when not null, the object must have this version
   */
  Deletions.Result delete(
      ResourceType type,
      String namespace,
      String name,
      String propagation,
      boolean dryRun,
      String preconditionUid,
      String preconditionResourceVersion) {
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          if (preconditionUid != null && !preconditionUid.equals(current.uid())) {
            throw ResourceError.conflict(
                type,
                name,
                "Precondition failed: UID in precondition: "
                    + preconditionUid
                    + ", UID in object meta: "
                    + current.uid());
          }
          checkResourceVersion(type, current, preconditionResourceVersion);
          return deletions.delete(
              type, current, propagation == null ? "Background" : propagation, dryRun);
        });
  }

  // ---- primitives shared with Deletions ----

  /** Stores a changed object as it is, with the next resource version. Under the write lock. */
  JsonObject commit(ResourceType type, JsonObject object, JsonObject old) {
    JsonFields.object(object, "metadata")
        .addProperty("resourceVersion", String.valueOf(store.nextResourceVersion()));
    store.put(type, StoredObject.of(object, type));
    afterWrite(type, object, old);
    return object;
  }

  /** Removes an object, its DELETED event carrying its last state. Under the write lock. */
  JsonObject removeNow(ResourceType type, JsonObject last) {
    JsonFields.object(last, "metadata")
        .addProperty("resourceVersion", String.valueOf(store.nextResourceVersion()));
    store.remove(type, StoredObject.of(last, type));
    admissions.forEach(admission -> admission.stored(null, last, state));
    return last;
  }

  Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
  }

  // ---- internals ----

  private JsonObject createLocked(
      ResourceType type, String namespace, JsonObject body, boolean dryRun, boolean trusted) {
    JsonObject object = body.deepCopy();
    setTypeMeta(type, object);
    JsonObject metadata = JsonFields.child(object, "metadata");
    placeInNamespace(type, namespace, metadata);
    String name = nameFor(type, metadata);
    NameRules.check(type, name);
    if (type.namespaced()) {
      checkNamespaceOpen(type, namespace, name);
    }
    if (store.get(type, StoredObject.keyOf(namespace, name)).isPresent()) {
      throw ResourceError.alreadyExists(type, name);
    }
    String resourceVersion = JsonFields.string(metadata, "resourceVersion");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      throw new ApiError(
          500, "InternalError", "resourceVersion should not be set on objects to be created");
    }
    metadata.addProperty("uid", UUID.randomUUID().toString());
    metadata.addProperty("creationTimestamp", now().toString());
    metadata.addProperty("generation", 1);
    metadata.remove("deletionTimestamp");
    metadata.remove("deletionGracePeriodSeconds");
    metadata.remove("selfLink");
    if (type.hasStatus() && !trusted) {
      // The API server ignores the status of a new object; only /status writes set it.
      object.remove("status");
      if (type.kind().equals("Pod") && type.group().isEmpty()) {
        JsonFields.child(object, "status").addProperty("phase", "Pending");
      }
    }
    defaults.apply(type, object, null);
    if (CustomResourceDefinitions.isDefinition(type)) {
      CustomResourceDefinitions.validate(type, object);
      CustomResourceDefinitions.accept(object, now());
    }
    admissions.forEach(
        admission -> admission.admit(Admission.Operation.CREATE, object, null, state));
    if (dryRun) {
      return object;
    }
    return commit(type, object, null);
  }

  /**
   * Writes {@code updated} over {@code current}: identity and server-owned metadata come from the
   * stored object, generation moves when the spec changes, and a write that changes nothing is not
   * stored (the resource version stays). A terminating object whose last finalizer is gone is
   * removed.
   */
  private JsonObject replace(
      ResourceType type, StoredObject current, JsonObject updated, boolean dryRun, boolean admit) {
    JsonObject old = current.toJson();
    setTypeMeta(type, updated);
    JsonObject metadata = JsonFields.child(updated, "metadata");
    JsonObject oldMetadata = JsonFields.object(old, "metadata");
    for (String field :
        List.of(
            "name",
            "namespace",
            "uid",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "resourceVersion")) {
      if (oldMetadata.has(field)) {
        metadata.add(field, oldMetadata.get(field).deepCopy());
      } else {
        metadata.remove(field);
      }
    }
    if (admit) {
      defaults.apply(type, updated, old);
      if (CustomResourceDefinitions.isDefinition(type)) {
        CustomResourceDefinitions.validate(type, updated);
        if (!Objects.equals(old.get("spec"), updated.get("spec"))) {
          CustomResourceDefinitions.accept(updated, now());
        }
      }
      admissions.forEach(
          admission -> admission.admit(Admission.Operation.UPDATE, updated, old, state));
    }
    if (!withoutMetadataAndStatus(old).equals(withoutMetadataAndStatus(updated))) {
      long generation = metadata.has("generation") ? metadata.get("generation").getAsLong() : 0;
      metadata.addProperty("generation", generation + 1);
    }
    if (updated.equals(old)) {
      return old;
    }
    if (dryRun) {
      return updated;
    }
    if (current.terminating() && !hasFinalizers(updated) && deletions.mayRemove(type, updated)) {
      JsonObject last = removeNow(type, updated);
      deletions.afterRemoval(type, current, last);
      return last;
    }
    return commit(type, updated, old);
  }

  private void afterWrite(ResourceType type, JsonObject object, JsonObject old) {
    if (CustomResourceDefinitions.isDefinition(type)) {
      types.register(
          JsonFields.string(object, "metadata", "name"), CustomResourceDefinitions.types(object));
    }
    admissions.forEach(admission -> admission.stored(object, old, state));
  }

  private static void setTypeMeta(ResourceType type, JsonObject object) {
    String apiVersion = JsonFields.string(object, "apiVersion");
    String kind = JsonFields.string(object, "kind");
    if ((apiVersion != null && !apiVersion.equals(type.apiVersion()))
        || (kind != null && !kind.equals(type.kind()))) {
      throw new ApiError(
          400,
          "BadRequest",
          "the body is a "
              + apiVersion
              + " "
              + kind
              + ", but the request is for "
              + type.apiVersion()
              + " "
              + type.kind()
              + " ("
              + type.groupResource()
              + ")");
    }
    // apiVersion and kind go first, as the API server writes them
    List<Map.Entry<String, JsonElement>> rest = new ArrayList<>(object.entrySet());
    rest.forEach(entry -> object.remove(entry.getKey()));
    object.addProperty("apiVersion", type.apiVersion());
    object.addProperty("kind", type.kind());
    rest.stream()
        .filter(entry -> !entry.getKey().equals("apiVersion") && !entry.getKey().equals("kind"))
        .forEach(entry -> object.add(entry.getKey(), entry.getValue()));
  }

  private static void placeInNamespace(ResourceType type, String namespace, JsonObject metadata) {
    String given = JsonFields.string(metadata, "namespace");
    if (!type.namespaced()) {
      metadata.remove("namespace");
      return;
    }
    if (given != null && !given.isEmpty() && !given.equals(namespace)) {
      throw new ApiError(
          400,
          "BadRequest",
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata.addProperty("namespace", namespace);
  }

  private String nameFor(ResourceType type, JsonObject metadata) {
    String name = JsonFields.string(metadata, "name");
    if (name != null && !name.isEmpty()) {
      return name;
    }
    String prefix = JsonFields.string(metadata, "generateName");
    if (prefix == null || prefix.isEmpty()) {
      throw ResourceError.invalid(
          type, "", "metadata.name", "Required value: name or generateName is required");
    }
    StringBuilder generated = new StringBuilder(prefix);
    for (int i = 0; i < 5; i++) {
      generated.append(
          GENERATE_NAME_ALPHABET.charAt(random.nextInt(GENERATE_NAME_ALPHABET.length())));
    }
    metadata.addProperty("name", generated.toString());
    return generated.toString();
  }

  private void checkNamespaceOpen(ResourceType type, String namespace, String name) {
    ResourceType namespaces =
        types
            .byGroupResource("namespaces")
            .orElseThrow(() -> new IllegalStateException("no namespaces type"));
    StoredObject stored =
        store
            .get(namespaces, namespace)
            .orElseThrow(() -> ResourceError.namespaceNotFound(namespace));
    if (stored.terminating()) {
      throw ResourceError.forbidden(
          type,
          name,
          "unable to create new content in namespace "
              + namespace
              + " because it is being terminated");
    }
  }

  private static void checkIdentity(
      ResourceType type, String namespace, String name, JsonObject body) {
    String bodyName = JsonFields.string(body, "metadata", "name");
    if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(name)) {
      throw new ApiError(
          400,
          "BadRequest",
          "the name of the object ("
              + bodyName
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    String bodyNamespace = JsonFields.string(body, "metadata", "namespace");
    if (type.namespaced()
        && bodyNamespace != null
        && !bodyNamespace.isEmpty()
        && !bodyNamespace.equals(namespace)) {
      throw new ApiError(
          400,
          "BadRequest",
          "the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  private static void checkResourceVersion(
      ResourceType type, StoredObject current, String expected) {
    if (expected != null
        && !expected.isEmpty()
        && !expected.equals(String.valueOf(current.resourceVersion()))) {
      throw ResourceError.staleResourceVersion(type, current.name());
    }
  }

  /**
   * Sets {@code target}'s status to {@code source}'s (removing it when {@code source} has none).
   */
  private static void copyStatus(JsonObject source, JsonObject target) {
    JsonElement status = source.get("status");
    if (status == null || status.isJsonNull()) {
      target.remove("status");
    } else {
      target.add("status", status.deepCopy());
    }
  }

  private static JsonObject withoutMetadataAndStatus(JsonObject object) {
    JsonObject copy = new JsonObject();
    object.entrySet().stream()
        .filter(
            entry ->
                !Objects.equals(entry.getKey(), "metadata")
                    && !Objects.equals(entry.getKey(), "status"))
        .forEach(entry -> copy.add(entry.getKey(), entry.getValue()));
    return copy;
  }

  static boolean hasFinalizers(JsonObject object) {
    JsonElement finalizers = JsonFields.object(object, "metadata").get("finalizers");
    return finalizers instanceof JsonArray array && !array.isEmpty();
  }
}
