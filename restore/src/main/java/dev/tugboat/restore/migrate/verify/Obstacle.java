package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Something that keeps a workload's pods from running, read from what Kubernetes' controllers and
 * scheduler write: either lack of room ({@link Readiness#SHORT_OF_ROOM}) or a refusal that waiting
 * or shrinking will not cure ({@link Readiness#FAILED}).
 *
 * @param reason e.g. {@code 1 pod unschedulable: 0/3 nodes are available: 3 Insufficient cpu.}
 */
record Obstacle(Readiness readiness, String reason) {

  /** What the API server says when a create would take a namespace over a ResourceQuota. */
  private static final String QUOTA_REFUSAL = "exceeded quota:";

  /** The prefix of the controllers' {@code FailedCreate} event messages. */
  private static final String EVENT_PREFIX = "Error creating: ";

  /**
   * Pods the scheduler could not place: condition {@code PodScheduled=False}, reason {@code
   * Unschedulable}, whose message names what is short, e.g. {@code 0/3 nodes are available: 3
   * Insufficient cpu.} (the first such pod's, in list order).
   */
  static Optional<Obstacle> unschedulable(List<JsonObject> pods) {
    List<JsonObject> conditions =
        pods.stream()
            .filter(pod -> JsonPaths.string(pod, "metadata", "deletionTimestamp").isEmpty())
            .flatMap(pod -> Conditions.find(pod, "PodScheduled").stream())
            .filter(condition -> Conditions.has(condition, "status", "False"))
            .filter(condition -> Conditions.has(condition, "reason", "Unschedulable"))
            .toList();
    if (conditions.isEmpty()) {
      return Optional.empty();
    }
    String message = JsonPaths.string(conditions.get(0), "message").orElse("no reason given");
    String count = conditions.size() == 1 ? "1 pod" : conditions.size() + " pods";
    return Optional.of(new Obstacle(Readiness.SHORT_OF_ROOM, count + " unschedulable: " + message));
  }

  /**
   * A ReplicaSet's (or a Deployment's copy of it) condition {@code ReplicaFailure}, reason {@code
   * FailedCreate}: its last pod create was refused, with the API server's message.
   */
  static Optional<Obstacle> replicaFailure(JsonObject object) {
    return Conditions.find(object, "ReplicaFailure")
        .filter(condition -> Conditions.has(condition, "status", "True"))
        .filter(condition -> Conditions.has(condition, "reason", "FailedCreate"))
        .map(condition -> refusal(JsonPaths.string(condition, "message").orElse("")));
  }

  /**
   * The newest of a workload's {@code FailedCreate} events (how StatefulSet, DaemonSet and Job
   * controllers report a refused pod create), ignoring those last seen before {@code since}.
   */
  static Optional<Obstacle> failedCreate(List<JsonObject> events, Instant since) {
    Instant notBefore = since.truncatedTo(ChronoUnit.SECONDS); // event times are whole seconds
    return events.stream()
        .filter(event -> lastSeen(event).map(seen -> !seen.isBefore(notBefore)).orElse(true))
        .max(Comparator.comparing(event -> lastSeen(event).orElse(Instant.MIN)))
        .map(event -> JsonPaths.string(event, "message").orElse(""))
        .map(
            message ->
                message.startsWith(EVENT_PREFIX)
                    ? message.substring(EVENT_PREFIX.length())
                    : message)
        .map(Obstacle::refusal);
  }

  /** A bare pod that failed will not run again. */
  static Optional<Obstacle> failedPod(JsonObject pod) {
    if (!"Failed".equals(JsonPaths.string(pod, "status", "phase").orElse(null))) {
      return Optional.empty();
    }
    String why =
        JsonPaths.string(pod, "status", "message")
            .or(() -> JsonPaths.string(pod, "status", "reason"))
            .orElse("no reason given");
    return Optional.of(new Obstacle(Readiness.FAILED, "pod failed: " + why));
  }

  /**
   * A refused pod create: lack of room when a quota refused it (named by the part of the message
   * from {@code exceeded quota:} on, e.g. {@code exceeded quota: compute, requested: pods=1, used:
   * pods=4, limited: pods=4}), a failure otherwise (forbidden for another reason, invalid).
   */
  private static Obstacle refusal(String message) {
    int quota = message.indexOf(QUOTA_REFUSAL);
    return quota >= 0
        ? new Obstacle(
            Readiness.SHORT_OF_ROOM, "pods cannot be created: " + message.substring(quota))
        : new Obstacle(Readiness.FAILED, "pods cannot be created: " + message);
  }

  /** When the event last happened: {@code lastTimestamp}, or the newer API's {@code eventTime}. */
  private static Optional<Instant> lastSeen(JsonObject event) {
    return JsonPaths.string(event, "lastTimestamp")
        .or(() -> JsonPaths.string(event, "eventTime"))
        .or(() -> JsonPaths.string(event, "firstTimestamp"))
        .flatMap(Obstacle::parse);
  }

  private static Optional<Instant> parse(String timestamp) {
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
