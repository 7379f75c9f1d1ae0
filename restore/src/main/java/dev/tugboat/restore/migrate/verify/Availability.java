package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;

/**
 * Whether a workload, as read from the target, runs as planned, judged from its own object only:
 * the counts and conditions its controller reports.
 */
final class Availability {

  private Availability() {}

  /**
   * What the workload still lacks, e.g. {@code 1 of 3 available}; empty when it is available.
   *
   * <p>Replicated kinds are available when their controller has seen the latest spec ({@code
   * status.observedGeneration >= metadata.generation}), the spec asks for the planned replicas and
   * that many are available; a DaemonSet when all its scheduled pods are; a Job when a pod of it is
   * ready or has succeeded; a bare Pod when Ready; a CronJob by existing.
   */
  static Optional<String> missing(WatchedWorkload workload, JsonObject object) {
    return switch (workload.type().kind()) {
      case "Deployment", "ReplicaSet", "StatefulSet" -> replicated(workload, object);
      case "DaemonSet" -> daemonSet(object);
      case "Job" -> job(object);
      case "Pod" -> pod(object);
      default -> Optional.empty(); // CronJob: it exists, its Jobs come on schedule
    };
  }

  /**
   * Whether the Job's controller has taken it on ({@code status.startTime}, or active pods). That
   * alone is not availability: a Job whose pods are refused or unschedulable is started too.
   */
  static boolean jobStarted(JsonObject job) {
    return JsonPaths.string(job, "status", "startTime").isPresent()
        || count(job, "status", "active") > 0;
  }

  private static Optional<String> replicated(WatchedWorkload workload, JsonObject object) {
    long planned = workload.plannedReplicas();
    if (planned == 0) {
      return Optional.empty(); // nothing to wait for, even before the controller looks
    }
    Optional<String> unobserved = unobserved(object);
    if (unobserved.isPresent()) {
      return unobserved;
    }
    // spec.replicas defaults to 1 when unset, as the API server does
    long specReplicas = number(object, 1, "spec", "replicas");
    if (specReplicas != planned) {
      return Optional.of("spec.replicas is " + specReplicas + ", " + planned + " planned");
    }
    long available = available(workload, object);
    return available >= planned
        ? Optional.empty()
        : Optional.of(available + " of " + planned + " available");
  }

  /** StatefulSets report {@code availableReplicas} since Kubernetes 1.25; before, only ready. */
  private static long available(WatchedWorkload workload, JsonObject object) {
    boolean readyOnly =
        workload.type().kind().equals("StatefulSet")
            && JsonPaths.element(object, "status", "availableReplicas").isEmpty();
    return count(object, "status", readyOnly ? "readyReplicas" : "availableReplicas");
  }

  private static Optional<String> daemonSet(JsonObject object) {
    Optional<String> unobserved = unobserved(object);
    if (unobserved.isPresent()) {
      return unobserved;
    }
    long desired = count(object, "status", "desiredNumberScheduled");
    long available = count(object, "status", "numberAvailable");
    return available >= desired
        ? Optional.empty()
        : Optional.of(available + " of " + desired + " available");
  }

  private static Optional<String> job(JsonObject object) {
    if (count(object, "status", "succeeded") > 0 || count(object, "status", "ready") > 0) {
      return Optional.empty();
    }
    return Optional.of(jobStarted(object) ? "no pod ready yet" : "not started");
  }

  private static Optional<String> pod(JsonObject object) {
    String phase = JsonPaths.string(object, "status", "phase").orElse("Pending");
    if (phase.equals("Succeeded") || Conditions.isTrue(object, "Ready")) {
      return Optional.empty();
    }
    return Optional.of("not ready (phase " + phase + ")");
  }

  /** Set while the controller has not yet acted on the latest spec. */
  private static Optional<String> unobserved(JsonObject object) {
    long generation = number(object, 0, "metadata", "generation");
    long observed = count(object, "status", "observedGeneration");
    if (observed >= generation) {
      return Optional.empty();
    }
    return Optional.of(
        "its controller has not seen generation "
            + generation
            + " yet (observed "
            + observed
            + ")");
  }

  /** A count in the status; absent counts are 0, as controllers omit them when 0. */
  private static long count(JsonObject object, String... path) {
    return number(object, 0, path);
  }

  private static long number(JsonObject object, long absent, String... path) {
    return JsonPaths.element(object, path)
        .filter(JsonElement::isJsonPrimitive)
        .filter(value -> value.getAsJsonPrimitive().isNumber())
        .map(JsonElement::getAsLong)
        .orElse(absent);
  }
}
