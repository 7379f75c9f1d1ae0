package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records {@code v1} Events about objects, as a Kubernetes component's event recorder does: an
 * event that repeats (same object, type, reason and message) bumps the {@code count} and {@code
 * lastTimestamp} of the earlier one instead of adding another. Best effort: an event the sandbox
 * refuses is dropped, like Kubernetes drops events it cannot write.
 */
final class EventRecorder {

  /** As many repeats as Kubernetes' event correlator remembers. */
  private static final int REMEMBERED_EVENTS = 4096;

  private final String component;
  private final Clock clock;
  private final Map<String, String> eventNamesByKey =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED_EVENTS;
        }
      };
  private long lastNameNanos;

  /**
   * @param component the {@code source.component}, e.g. {@code default-scheduler}
   */
  EventRecorder(String component, Clock clock) {
    this.component = component;
    this.clock = clock;
  }

  void warning(ClusterState state, JsonObject involved, String reason, String message) {
    String key = JsonFields.uid(involved) + "\n" + reason + "\n" + message;
    String now = Times.now(clock);
    String namespace =
        JsonFields.namespace(involved) == null ? "default" : JsonFields.namespace(involved);
    try {
      String existingName = eventNamesByKey.get(key);
      JsonObject existing =
          existingName == null
              ? null
              : state.get("v1", "Event", namespace, existingName).orElse(null);
      if (existing != null) {
        existing.addProperty("count", JsonFields.integer(existing, 1, "count") + 1);
        existing.addProperty("lastTimestamp", now);
        state.update(existing);
      } else {
        JsonObject created = state.create(newEvent(involved, namespace, reason, message, now));
        eventNamesByKey.put(key, JsonFields.name(created));
      }
    } catch (ApiError e) {
      // dropped, see the class comment
    }
  }

  private JsonObject newEvent(
      JsonObject involved, String namespace, String reason, String message, String now) {
    JsonObject event = new JsonObject();
    event.addProperty("apiVersion", "v1");
    event.addProperty("kind", "Event");
    JsonObject metadata = new JsonObject();
    metadata.addProperty(
        "name", JsonFields.name(involved) + "." + Long.toHexString(nextNameNanos()));
    metadata.addProperty("namespace", namespace);
    event.add("metadata", metadata);
    JsonObject reference = new JsonObject();
    reference.addProperty("apiVersion", JsonFields.string(involved, "apiVersion"));
    reference.addProperty("kind", JsonFields.string(involved, "kind"));
    reference.addProperty("name", JsonFields.name(involved));
    if (JsonFields.namespace(involved) != null) {
      reference.addProperty("namespace", JsonFields.namespace(involved));
    }
    reference.addProperty("uid", JsonFields.uid(involved));
    reference.addProperty(
        "resourceVersion", JsonFields.string(involved, "metadata", "resourceVersion"));
    event.add("involvedObject", reference);
    event.addProperty("reason", reason);
    event.addProperty("message", message);
    JsonObject source = new JsonObject();
    source.addProperty("component", component);
    event.add("source", source);
    event.addProperty("firstTimestamp", now);
    event.addProperty("lastTimestamp", now);
    event.addProperty("count", 1);
    event.addProperty("type", "Warning");
    event.addProperty("reportingComponent", component);
    return event;
  }

  /**
   * Event names are {@code <object>.<hex nanoseconds>} like Kubernetes'; two events in the same
   * nanosecond (a fake clock) still get different names.
   */
  private long nextNameNanos() {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    lastNameNanos = Math.max(nanos, lastNameNanos + 1);
    return lastNameNanos;
  }
}
