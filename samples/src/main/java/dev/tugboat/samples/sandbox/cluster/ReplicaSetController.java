package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' ReplicaSet controller: keeps {@code spec.replicas} pods (named {@code <set>-<5 random
 * characters>} through {@code generateName}) owned by each ReplicaSet, adopts matching orphan pods,
 * deletes surplus pods unscheduled and newest first, and reports {@code replicas}, {@code
 * fullyLabeledReplicas}, {@code readyReplicas}, {@code availableReplicas} and {@code
 * observedGeneration}. A refused create (quota) becomes a {@code FailedCreate} warning event and a
 * {@code ReplicaFailure} condition, and is retried 10 seconds later.
 */
public final class ReplicaSetController implements Controller {

  private final Clock clock;
  private final FailedCreates failedCreates;

  public ReplicaSetController(Clock clock) {
    this.clock = clock;
    this.failedCreates = new FailedCreates("replicaset-controller", clock);
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("apps/v1/ReplicaSet", "v1/Pod");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    new OwnedChildren(state.list("v1", "Pod", null), Pods::isActive)
        .forEachOwner(
            state,
            state.list("apps/v1", "ReplicaSet", null),
            (replicaSet, owned) -> sync(state, replicaSet, owned));
    return failedCreates.nextRetry();
  }

  /**
   * @param owned the set's pods, adopted ones included
   */
  private void sync(ClusterState state, JsonObject replicaSet, List<JsonObject> owned) {
    List<JsonObject> pods = new ArrayList<>(owned.stream().filter(Pods::isActive).toList());
    long desired = JsonFields.integer(replicaSet, 1, "spec", "replicas");
    boolean mayCreate = failedCreates.mayCreate(replicaSet);
    String failure = null;
    while (mayCreate && pods.size() < desired) {
      JsonObject pod =
          Pods.fromTemplate(
              replicaSet, JsonFields.object(replicaSet, "spec", "template"), Map.of());
      JsonFields.child(pod, "metadata")
          .addProperty("generateName", JsonFields.name(replicaSet) + "-");
      try {
        pods.add(state.create(pod));
      } catch (ApiError e) {
        failedCreates.refused(state, replicaSet, e);
        failure = e.getMessage();
        break;
      }
    }
    if (pods.size() > desired) {
      pods.sort(Pods.DELETION_ORDER);
      while (pods.size() > desired) {
        JsonObject surplus = pods.remove(0);
        state.delete("v1", "Pod", JsonFields.namespace(surplus), JsonFields.name(surplus));
      }
    }
    // while creates are held off, the last refusal still explains the missing pods
    boolean failing = failure != null || (!mayCreate && pods.size() < desired);
    Writes.statusIfChanged(
        state, replicaSet, status(replicaSet, pods, failing ? failure : null, failing));
  }

  /**
   * @param failure the refusal of this pass, null when none
   * @param failing whether to keep a {@code ReplicaFailure} condition (this or an earlier refusal)
   */
  private JsonObject status(
      JsonObject replicaSet, List<JsonObject> pods, String failure, boolean failing) {
    Map<String, String> templateLabels =
        JsonFields.stringMap(replicaSet, "spec", "template", "metadata", "labels");
    long minReadySeconds = JsonFields.integer(replicaSet, 0, "spec", "minReadySeconds");
    Instant now = clock.instant();
    JsonObject status = Writes.statusCopy(replicaSet);
    status.addProperty("replicas", pods.size());
    JsonFields.putCountOmitZero(
        status,
        "fullyLabeledReplicas",
        pods.stream()
            .filter(pod -> JsonFields.labels(pod).entrySet().containsAll(templateLabels.entrySet()))
            .count());
    JsonFields.putCountOmitZero(
        status, "readyReplicas", pods.stream().filter(Pods::isReady).count());
    JsonFields.putCountOmitZero(
        status,
        "availableReplicas",
        pods.stream().filter(pod -> Pods.isAvailable(pod, minReadySeconds, now)).count());
    long generation = JsonFields.integer(replicaSet, 0, "metadata", "generation");
    JsonFields.putCountOmitZero(status, "observedGeneration", generation);
    if (failure != null) {
      Conditions.set(
          status, "ReplicaFailure", "True", "FailedCreate", failure, Times.now(clock), false);
    } else if (!failing) {
      Conditions.remove(status, "ReplicaFailure");
    }
    return status;
  }
}
