package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at the target cluster: for each workload, whether it is available, still progressing,
 * short of room (pods unschedulable, or pod creates refused by a quota) or failed (gone, forbidden,
 * pod creates refused for another reason).
 *
 * <p>It reads the workload (GET) and, only when it is not available, what explains that (LISTs):
 * the pods its selector matches and their {@code PodScheduled} condition; for a Deployment its
 * ReplicaSets' {@code ReplicaFailure} condition (and its own copy of it), for a ReplicaSet its own;
 * for StatefulSets, DaemonSets and Jobs, whose controllers report refused creates only as events,
 * their {@code FailedCreate} events. Read failures that may pass (no answer, 429, 5xx) leave the
 * workload PROGRESSING with the failure as reason; others make it FAILED.
 */
public final class AvailabilityProbe {

  private final TargetReads reads;

  /**
   * @param target a client of the target cluster; the probe only reads
   */
  public AvailabilityProbe(ApiClient target) {
    this.reads = new TargetReads(Objects.requireNonNull(target, "target"));
  }

  /**
   * Looks at each workload in turn.
   *
   * @param eventsSince events last seen before this instant are ignored: they tell of an earlier
   *     attempt (before a downgrade, say), not of this one
   * @return one state per workload, in the same order
   */
  public List<WorkloadState> probe(List<WatchedWorkload> workloads, Instant eventsSince) {
    List<WorkloadState> states = new ArrayList<>();
    for (WatchedWorkload workload : workloads) {
      states.add(probe(workload, eventsSince));
    }
    return states;
  }

  /** Looks at one workload; see {@link #probe(List, Instant)}. */
  public WorkloadState probe(WatchedWorkload workload, Instant eventsSince) {
    try {
      JsonObject object = reads.get(workload);
      Optional<String> missing = Availability.missing(workload, object);
      if (missing.isEmpty()) {
        return WorkloadState.available(workload);
      }
      List<Obstacle> obstacles = obstacles(workload, object, eventsSince);
      Optional<Obstacle> failure = first(obstacles, Readiness.FAILED);
      if (failure.isPresent()) {
        return new WorkloadState(workload, Readiness.FAILED, failure.get().reason());
      }
      Optional<Obstacle> shortage = first(obstacles, Readiness.SHORT_OF_ROOM);
      if (shortage.isPresent()) {
        return new WorkloadState(workload, Readiness.SHORT_OF_ROOM, shortage.get().reason());
      }
      // The issue asks of Jobs only that they started; a started Job whose pods are not blocked is.
      if (workload.type().kind().equals("Job") && Availability.jobStarted(object)) {
        return WorkloadState.available(workload);
      }
      return new WorkloadState(workload, Readiness.PROGRESSING, missing.get());
    } catch (ReadFailure e) {
      Readiness readiness = e.isTransient() ? Readiness.PROGRESSING : Readiness.FAILED;
      return new WorkloadState(workload, readiness, e.getMessage());
    }
  }

  /** What keeps the workload's pods from running, the refusals of creates first. */
  private List<Obstacle> obstacles(WatchedWorkload workload, JsonObject object, Instant since)
      throws ReadFailure {
    List<Obstacle> obstacles = new ArrayList<>();
    switch (workload.type().kind()) {
      case "Deployment" -> {
        for (JsonObject replicaSet : ownedReplicaSets(workload, object)) {
          Obstacle.replicaFailure(replicaSet).ifPresent(obstacles::add);
        }
        Obstacle.replicaFailure(object).ifPresent(obstacles::add);
      }
      case "ReplicaSet" -> Obstacle.replicaFailure(object).ifPresent(obstacles::add);
      case "StatefulSet", "DaemonSet", "Job" ->
          Obstacle.failedCreate(events(workload), since).ifPresent(obstacles::add);
      case "Pod" -> Obstacle.failedPod(object).ifPresent(obstacles::add);
      default -> {
        // CronJobs are available by existing: never asked
      }
    }
    List<JsonObject> pods =
        workload.type().kind().equals("Pod") ? List.of(object) : pods(workload, object);
    Obstacle.unschedulable(pods).ifPresent(obstacles::add);
    return obstacles;
  }

  /** The Deployment's ReplicaSets: those its selector matches and it controls. */
  private List<JsonObject> ownedReplicaSets(WatchedWorkload deployment, JsonObject object)
      throws ReadFailure {
    String selector = podSelector(deployment, object);
    if (selector.isEmpty()) {
      return List.of();
    }
    String uid = JsonPaths.string(object, "metadata", "uid").orElse(null);
    return reads.list(TargetReads.REPLICA_SETS, deployment.namespace(), selector, null).stream()
        .filter(replicaSet -> uid == null || controllerUid(replicaSet).equals(uid))
        .toList();
  }

  private List<JsonObject> pods(WatchedWorkload workload, JsonObject object) throws ReadFailure {
    String selector = podSelector(workload, object);
    return selector.isEmpty()
        ? List.of() // an empty selector would list every pod of the namespace
        : reads.list(TargetReads.PODS, workload.namespace(), selector, null);
  }

  /**
   * The workload's {@code spec.selector}; for a Job without one (the API server fills it in, the
   * sandbox does not), the label its controller puts on its pods.
   */
  private static String podSelector(WatchedWorkload workload, JsonObject object) {
    String selector =
        JsonPaths.object(object, "spec", "selector").map(SelectorQuery::of).orElse("");
    if (selector.isEmpty() && workload.type().kind().equals("Job")) {
      return JsonPaths.string(object, "metadata", "uid")
          .map(uid -> "batch.kubernetes.io/controller-uid=" + uid)
          .orElse("");
    }
    return selector;
  }

  private List<JsonObject> events(WatchedWorkload workload) throws ReadFailure {
    String fieldSelector =
        "involvedObject.kind="
            + workload.type().kind()
            + ",involvedObject.name="
            + workload.name()
            + ",reason=FailedCreate";
    return reads.list(TargetReads.EVENTS, workload.namespace(), null, fieldSelector);
  }

  private static String controllerUid(JsonObject object) {
    return JsonPaths.objects(object, "metadata", "ownerReferences").stream()
        .filter(
            reference ->
                JsonPaths.element(reference, "controller")
                    .map(JsonElement::getAsBoolean)
                    .orElse(false))
        .flatMap(reference -> JsonPaths.string(reference, "uid").stream())
        .findFirst()
        .orElse("");
  }

  private static Optional<Obstacle> first(List<Obstacle> obstacles, Readiness readiness) {
    return obstacles.stream().filter(obstacle -> obstacle.readiness() == readiness).findFirst();
  }
}
