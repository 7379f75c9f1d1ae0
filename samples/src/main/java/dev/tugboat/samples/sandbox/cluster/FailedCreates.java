package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a controller does when the sandbox refuses to create a pod for it (quota, most often):
 * records a {@code FailedCreate} warning event on the owner ({@code Error creating: <reason>}) and
 * holds off creating for that owner for {@link #RETRY_DELAY}, as Kubernetes' rate-limited work
 * queues do, rather than retrying on every pass.
 */
final class FailedCreates {

  static final Duration RETRY_DELAY = Duration.ofSeconds(10);

  private final Clock clock;
  private final EventRecorder events;
  private final Map<String, Instant> heldOffUntil = new HashMap<>();

  /**
   * @param component the controller's name in events, e.g. {@code replicaset-controller}
   */
  FailedCreates(String component, Clock clock) {
    this.clock = clock;
    this.events = new EventRecorder(component, clock);
  }

  /** Whether creating for this owner is allowed now. */
  boolean mayCreate(JsonObject owner) {
    Instant until = heldOffUntil.get(JsonFields.uid(owner));
    return until == null || !clock.instant().isBefore(until);
  }

  void refused(ClusterState state, JsonObject owner, ApiError error) {
    heldOffUntil.put(JsonFields.uid(owner), clock.instant().plus(RETRY_DELAY));
    events.warning(state, owner, "FailedCreate", "Error creating: " + error.getMessage());
  }

  /** How long until the first hold-off ends; empty when none is pending. */
  Optional<Duration> nextRetry() {
    Instant now = clock.instant();
    heldOffUntil.values().removeIf(until -> !until.isAfter(now));
    return heldOffUntil.values().stream()
        .min(Instant::compareTo)
        .map(until -> Duration.between(now, until));
  }
}
