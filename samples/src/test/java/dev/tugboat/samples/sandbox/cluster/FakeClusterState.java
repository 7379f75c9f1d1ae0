package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An in-memory {@link ClusterState} as the API server core behaves towards controllers: sorted
 * lists, copies in and out, {@code uid}, {@code resourceVersion}, {@code creationTimestamp} and
 * {@code generation} assigned, {@code generateName} honoured, optimistic concurrency on {@code
 * resourceVersion}, admission on create and update, background deletion of dependents. It remembers
 * which kinds changed, so that tests can run controllers the way the core does.
 */
final class FakeClusterState implements ClusterState {

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Clock clock;
  private final List<Admission> admissions = new ArrayList<>();
  private final Map<String, TreeMap<String, JsonObject>> objectsByKind = new HashMap<>();
  private final Set<String> changedKinds = new LinkedHashSet<>();
  private final Random random = new Random(7);
  private long resourceVersion = 100;

  FakeClusterState(Clock clock) {
    this.clock = clock;
  }

  FakeClusterState admitWith(Admission admission) {
    admissions.add(admission);
    return this;
  }

  /** The kinds ({@code apiVersion/kind}) written since the last call. */
  Set<String> takeChangedKinds() {
    Set<String> taken = new LinkedHashSet<>(changedKinds);
    changedKinds.clear();
    return taken;
  }

  @Override
  public List<JsonObject> list(String apiVersion, String kind, String namespace) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject object : objects(apiVersion, kind).values()) {
      if (namespace == null || namespace.equals(JsonFields.namespace(object))) {
        found.add(object.deepCopy());
      }
    }
    return found;
  }

  @Override
  public Optional<JsonObject> get(String apiVersion, String kind, String namespace, String name) {
    JsonObject object = objects(apiVersion, kind).get(key(namespace, name));
    return Optional.ofNullable(object).map(JsonObject::deepCopy);
  }

  @Override
  public JsonObject create(JsonObject object) {
    JsonObject created = object.deepCopy();
    for (Admission admission : admissions) {
      admission.admit(Admission.Operation.CREATE, created, null, this);
    }
    JsonObject metadata = JsonFields.child(created, "metadata");
    TreeMap<String, JsonObject> objects = objects(created);
    if (JsonFields.name(created) == null) {
      String prefix = JsonFields.string(created, "metadata", "generateName");
      if (prefix == null) {
        throw ApiError.invalid("name or generateName is required");
      }
      String generated;
      do {
        generated = prefix + randomSuffix();
      } while (objects.containsKey(key(JsonFields.namespace(created), generated)));
      metadata.addProperty("name", generated);
    }
    String key = key(JsonFields.namespace(created), JsonFields.name(created));
    if (objects.containsKey(key)) {
      throw ApiError.alreadyExists(
          JsonFields.string(created, "kind")
              + " \""
              + JsonFields.name(created)
              + "\" already exists");
    }
    metadata.addProperty("uid", new UUID(random.nextLong(), random.nextLong()).toString());
    metadata.addProperty(
        "creationTimestamp",
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    metadata.addProperty("generation", 1);
    return store(objects, key, created, null);
  }

  @Override
  public JsonObject update(JsonObject object) {
    JsonObject existing = current(object);
    JsonObject updated = object.deepCopy();
    for (Admission admission : admissions) {
      admission.admit(Admission.Operation.UPDATE, updated, existing.deepCopy(), this);
    }
    JsonObject metadata = JsonFields.child(updated, "metadata");
    for (String kept : List.of("uid", "creationTimestamp")) {
      metadata.add(kept, existing.getAsJsonObject("metadata").get(kept));
    }
    long generation = JsonFields.integer(existing, 1, "metadata", "generation");
    boolean specChanged =
        !String.valueOf(existing.get("spec")).equals(String.valueOf(updated.get("spec")));
    metadata.addProperty("generation", specChanged ? generation + 1 : generation);
    updated.remove("status");
    if (existing.has("status")) {
      updated.add("status", existing.get("status").deepCopy());
    }
    return store(objects(updated), key(updated), updated, existing);
  }

  @Override
  public JsonObject updateStatus(JsonObject object) {
    JsonObject existing = current(object);
    JsonObject updated = existing.deepCopy();
    JsonElement status = object.get("status");
    updated.remove("status");
    if (status != null) {
      updated.add("status", status.deepCopy());
    }
    return store(objects(updated), key(updated), updated, existing);
  }

  @Override
  public void delete(String apiVersion, String kind, String namespace, String name) {
    JsonObject removed = objects(apiVersion, kind).remove(key(namespace, name));
    if (removed == null) {
      return;
    }
    changedKinds.add(apiVersion + "/" + kind);
    for (Admission admission : admissions) {
      admission.stored(null, removed, this);
    }
    String uid = JsonFields.uid(removed);
    for (TreeMap<String, JsonObject> objects : List.copyOf(objectsByKind.values())) {
      for (JsonObject dependent : List.copyOf(objects.values())) {
        if (isOwnedBy(dependent, uid)) {
          delete(
              JsonFields.string(dependent, "apiVersion"),
              JsonFields.string(dependent, "kind"),
              JsonFields.namespace(dependent),
              JsonFields.name(dependent));
        }
      }
    }
  }

  private JsonObject store(
      TreeMap<String, JsonObject> objects, String key, JsonObject object, JsonObject old) {
    object
        .getAsJsonObject("metadata")
        .addProperty("resourceVersion", Long.toString(++resourceVersion));
    objects.put(key, object.deepCopy());
    changedKinds.add(
        JsonFields.string(object, "apiVersion") + "/" + JsonFields.string(object, "kind"));
    for (Admission admission : admissions) {
      admission.stored(object.deepCopy(), old, this);
    }
    return object;
  }

  private JsonObject current(JsonObject object) {
    JsonObject existing = objects(object).get(key(object));
    if (existing == null) {
      throw ApiError.notFound(JsonFields.key(object) + " not found");
    }
    String expected = JsonFields.string(object, "metadata", "resourceVersion");
    if (expected != null
        && !expected.equals(JsonFields.string(existing, "metadata", "resourceVersion"))) {
      throw ApiError.conflict("the object has been modified: " + JsonFields.key(object));
    }
    return existing;
  }

  private static boolean isOwnedBy(JsonObject object, String uid) {
    JsonArray references =
        JsonFields.object(object, "metadata") == null
            ? null
            : object.getAsJsonObject("metadata").getAsJsonArray("ownerReferences");
    if (references == null) {
      return false;
    }
    for (JsonElement reference : references) {
      if (uid.equals(JsonFields.string(reference.getAsJsonObject(), "uid"))) {
        return true;
      }
    }
    return false;
  }

  private TreeMap<String, JsonObject> objects(JsonObject object) {
    return objects(JsonFields.string(object, "apiVersion"), JsonFields.string(object, "kind"));
  }

  private TreeMap<String, JsonObject> objects(String apiVersion, String kind) {
    return objectsByKind.computeIfAbsent(apiVersion + "/" + kind, ignored -> new TreeMap<>());
  }

  private static String key(JsonObject object) {
    return key(JsonFields.namespace(object), JsonFields.name(object));
  }

  /** Sorts by namespace, then name. */
  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "\u0000" + name;
  }

  private String randomSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return suffix.toString();
  }
}
