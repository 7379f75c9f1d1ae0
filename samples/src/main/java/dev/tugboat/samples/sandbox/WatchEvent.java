package dev.tugboat.samples.sandbox;

/**
 * One change to one object, as kept in the watch history.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param resource the storage the object is in, as {@link ResourceType#groupResource()}
 * @param object the object after the change (for a delete: its last state)
 * @param previous the object before the change; null for ADDED
 */
record WatchEvent(String type, String resource, StoredObject object, StoredObject previous) {

  static final String ADDED = "ADDED";
  static final String MODIFIED = "MODIFIED";
  static final String DELETED = "DELETED";

  long resourceVersion() {
    return object.resourceVersion();
  }
}
