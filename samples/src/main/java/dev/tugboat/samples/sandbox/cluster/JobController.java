package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kubernetes' Job controller for non-indexed jobs: keeps up to {@code spec.parallelism} pods
 * running until {@code spec.completions} of them have succeeded (without {@code completions}, until
 * one has and none still runs), then sets the conditions {@code SuccessCriteriaMet} and {@code
 * Complete} and {@code completionTime}. The status counts {@code active}, {@code ready}, {@code
 * succeeded} and {@code failed} pods from {@code startTime} on. The {@link Kubelet} finishes job
 * pods. Not simulated: {@code backoffLimit}, {@code activeDeadlineSeconds}, suspension, indexed
 * completion and CronJobs.
 */
public final class JobController implements Controller {

  private final Clock clock;
  private final FailedCreates failedCreates;

  public JobController(Clock clock) {
    this.clock = clock;
    this.failedCreates = new FailedCreates("job-controller", clock);
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("batch/v1/Job", "v1/Pod");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    Map<String, List<JsonObject>> podsByOwner =
        Owners.byControllerUid(state.list("v1", "Pod", null));
    for (JsonObject job : state.list("batch/v1", "Job", null)) {
      boolean finished = Conditions.isTrue(job, "Complete") || Conditions.isTrue(job, "Failed");
      if (!finished && JsonFields.string(job, "metadata", "deletionTimestamp") == null) {
        List<JsonObject> owned = podsByOwner.getOrDefault(JsonFields.uid(job), List.of());
        Writes.ignoringRaces(() -> sync(state, job, owned));
      }
    }
    return failedCreates.nextRetry();
  }

  private void sync(ClusterState state, JsonObject job, List<JsonObject> owned) {
    List<JsonObject> active = new ArrayList<>(owned.stream().filter(Pods::isActive).toList());
    long succeeded =
        Math.max(
            JsonFields.integer(job, 0, "status", "succeeded"),
            owned.stream().filter(pod -> "Succeeded".equals(Pods.phase(pod))).count());
    long failed =
        Math.max(
            JsonFields.integer(job, 0, "status", "failed"),
            owned.stream().filter(pod -> "Failed".equals(Pods.phase(pod))).count());
    long parallelism = JsonFields.integer(job, 1, "spec", "parallelism");
    // the API server defaults completions to 1 only when parallelism is unset too
    boolean parallelismSet = JsonFields.integer(job, -1, "spec", "parallelism") >= 0;
    long completions = JsonFields.integer(job, parallelismSet ? -1 : 1, "spec", "completions");
    boolean workQueue = completions < 0;
    long wanted =
        workQueue
            ? (succeeded > 0 ? 0 : parallelism)
            : Math.max(0, Math.min(parallelism, completions - succeeded));
    while (active.size() < wanted) {
      JsonObject created = createPod(state, job);
      if (created == null) {
        break;
      }
      active.add(created);
    }
    if (active.size() > wanted && !workQueue) {
      active.sort(Pods.DELETION_ORDER);
      while (active.size() > wanted) {
        JsonObject surplus = active.remove(0);
        state.delete("v1", "Pod", JsonFields.namespace(surplus), JsonFields.name(surplus));
      }
    }
    boolean complete = workQueue ? succeeded > 0 && active.isEmpty() : succeeded >= completions;
    Writes.statusIfChanged(state, job, status(job, active, succeeded, failed, complete));
  }

  private JsonObject createPod(ClusterState state, JsonObject job) {
    if (!failedCreates.mayCreate(job)) {
      return null;
    }
    String name = JsonFields.name(job);
    String uid = JsonFields.uid(job);
    Map<String, String> labels = new TreeMap<>();
    labels.put("batch.kubernetes.io/controller-uid", uid);
    labels.put("batch.kubernetes.io/job-name", name);
    labels.put("controller-uid", uid);
    labels.put("job-name", name);
    JsonObject pod = Pods.fromTemplate(job, JsonFields.object(job, "spec", "template"), labels);
    JsonFields.child(pod, "metadata").addProperty("generateName", name + "-");
    try {
      return state.create(pod);
    } catch (ApiError e) {
      failedCreates.refused(state, job, e);
      return null;
    }
  }

  private JsonObject status(
      JsonObject job, List<JsonObject> active, long succeeded, long failed, boolean complete) {
    String now = Times.now(clock);
    JsonObject status = Writes.statusCopy(job);
    if (!status.has("startTime")) {
      status.addProperty("startTime", now);
    }
    JsonFields.putCountOmitZero(status, "active", active.size());
    status.addProperty("ready", active.stream().filter(Pods::isReady).count());
    JsonFields.putCountOmitZero(status, "succeeded", succeeded);
    JsonFields.putCountOmitZero(status, "failed", failed);
    if (complete) {
      status.addProperty("completionTime", now);
      String message = "Reached expected number of succeeded pods";
      Conditions.set(
          status, "SuccessCriteriaMet", "True", "CompletionsReached", message, now, false);
      Conditions.set(status, "Complete", "True", "CompletionsReached", message, now, false);
    }
    return status;
  }
}
