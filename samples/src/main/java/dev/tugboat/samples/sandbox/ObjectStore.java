package dev.tugboat.samples.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox's storage: per resource a sorted map from {@code namespace/name} to the stored
 * object, one global resource version counter, an index by uid and one from owner uid to dependents
 * (for garbage collection). Reads need no lock; writes run under one lock, through {@link #write},
 * so that resource versions, indexes and watch events stay in step.
 */
final class ObjectStore {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, ConcurrentSkipListMap<String, StoredObject>> byResource =
      new ConcurrentHashMap<>();
  private final Map<String, ObjectRef> byUid = new ConcurrentHashMap<>();
  private final Map<String, Set<ObjectRef>> dependentsByOwner = new ConcurrentHashMap<>();
  // Object counts by resource and by "resource/namespace": the size of a skip-list view is counted
  // by walking it.
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final List<Consumer<ResourceType>> listeners = new CopyOnWriteArrayList<>();
  private final WatchHub watches;
  private volatile long resourceVersion;

  /** Where an object is stored: its resource ({@link ResourceType#groupResource()}) and key. */
  record ObjectRef(String resource, String key) {}

  ObjectStore(WatchHub watches) {
    this.watches = watches;
  }

  /** Runs {@code work} under the write lock. Re-entrant: a write may cause other writes. */
  <T> T write(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** The resource version of the newest write. */
  long resourceVersion() {
    return resourceVersion;
  }

  /** Reserves the resource version of the next write; callers hold the write lock. */
  long nextResourceVersion() {
    checkLocked();
    return resourceVersion + 1;
  }

  /** The objects of a resource, sorted by key; a live view. */
  NavigableMap<String, StoredObject> objects(ResourceType type) {
    return byResource.computeIfAbsent(type.groupResource(), r -> new ConcurrentSkipListMap<>());
  }

  /** How many objects of a resource are stored, in {@code namespace} or in all when null. */
  long count(ResourceType type, String namespace) {
    LongAdder count = counts.get(countKey(type.groupResource(), namespace));
    return count == null ? 0 : count.sum();
  }

  Optional<StoredObject> get(ResourceType type, String key) {
    return Optional.ofNullable(objects(type).get(key));
  }

  Optional<ObjectRef> findUid(String uid) {
    return Optional.ofNullable(byUid.get(uid));
  }

  Optional<StoredObject> get(ObjectRef ref) {
    ConcurrentSkipListMap<String, StoredObject> objects = byResource.get(ref.resource());
    return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(ref.key()));
  }

  /** The objects whose owner references name {@code ownerUid}. */
  List<ObjectRef> dependentsOf(String ownerUid) {
    Set<ObjectRef> dependents = dependentsByOwner.get(ownerUid);
    return dependents == null ? List.of() : new ArrayList<>(dependents);
  }

  /**
   * Stores a created or changed object; its resource version must be {@link #nextResourceVersion}.
   */
  void put(ResourceType type, StoredObject object) {
    checkLocked();
    StoredObject previous = objects(type).put(object.key(), object);
    if (previous != null) {
      unindex(type, previous);
    } else {
      count(type, object, 1);
    }
    index(type, object);
    commit(
        type,
        new WatchEvent(
            previous == null ? WatchEvent.ADDED : WatchEvent.MODIFIED,
            type.groupResource(),
            object,
            previous));
  }

  /**
   * Removes an object; {@code last} is its final state, stamped with {@link #nextResourceVersion},
   * which the DELETED event carries.
   */
  void remove(ResourceType type, StoredObject last) {
    checkLocked();
    StoredObject previous = objects(type).remove(last.key());
    if (previous == null) {
      return;
    }
    count(type, previous, -1);
    unindex(type, previous);
    commit(type, new WatchEvent(WatchEvent.DELETED, type.groupResource(), last, previous));
  }

  /** Drops a whole resource (its CRD was deleted) after its objects were removed. */
  void dropResource(ResourceType type) {
    checkLocked();
    byResource.remove(type.groupResource());
    counts
        .keySet()
        .removeIf(
            key -> key.equals(type.groupResource()) || key.startsWith(type.groupResource() + "/"));
    watches.closeAll(type.groupResource());
  }

  /**
   * Opens a watch on a resource from a resource version; from null (or 0) it first sends every
   * current object as ADDED, as the API server does.
   */
  Watcher watch(ResourceType type, String namespace, long fromResourceVersion) {
    return write(
        () -> {
          List<WatchEvent> initial = new ArrayList<>();
          long from = fromResourceVersion;
          if (fromResourceVersion == 0) {
            from = resourceVersion;
            for (StoredObject object : objects(type).values()) {
              initial.add(new WatchEvent(WatchEvent.ADDED, type.groupResource(), object, null));
            }
          }
          return watches.subscribe(type.groupResource(), namespace, from, initial);
        });
  }

  /** Calls {@code listener} after every write, with the type written. */
  void addListener(Consumer<ResourceType> listener) {
    listeners.add(listener);
  }

  WatchHub watches() {
    return watches;
  }

  private void commit(ResourceType type, WatchEvent event) {
    resourceVersion = event.resourceVersion();
    watches.publish(event);
    listeners.forEach(listener -> listener.accept(type));
  }

  private void count(ResourceType type, StoredObject object, int delta) {
    counts.computeIfAbsent(type.groupResource(), key -> new LongAdder()).add(delta);
    if (object.namespace() != null) {
      counts
          .computeIfAbsent(
              countKey(type.groupResource(), object.namespace()), key -> new LongAdder())
          .add(delta);
    }
  }

  private static String countKey(String resource, String namespace) {
    return namespace == null ? resource : resource + "/" + namespace;
  }

  private void index(ResourceType type, StoredObject object) {
    ObjectRef ref = new ObjectRef(type.groupResource(), object.key());
    byUid.put(object.uid(), ref);
    for (String owner : object.ownerUids()) {
      dependentsByOwner.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(ref);
    }
  }

  private void unindex(ResourceType type, StoredObject object) {
    ObjectRef ref = new ObjectRef(type.groupResource(), object.key());
    byUid.remove(object.uid(), ref);
    for (String owner : object.ownerUids()) {
      Set<ObjectRef> dependents = dependentsByOwner.get(owner);
      if (dependents != null) {
        dependents.remove(ref);
        if (dependents.isEmpty()) {
          dependentsByOwner.remove(owner);
        }
      }
    }
  }

  private void checkLocked() {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("a write to the sandbox store outside its write lock");
    }
  }
}
