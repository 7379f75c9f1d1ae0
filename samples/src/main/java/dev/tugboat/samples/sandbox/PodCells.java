package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The cells of a pod's row as the API server prints them: {@code Ready} {@code 1/1}, {@code Status}
 * (the phase, or what a container waits or terminated for) and {@code Restarts}. Init containers
 * only count for restarts here; the sandbox's kubelet runs none.
 */
final class PodCells {

  private PodCells() {}

  /** {@code ready/total}: containers ready and running out of those the spec declares. */
  static String ready(JsonObject pod) {
    long ready =
        statuses(pod).stream()
            .filter(status -> JsonFields.bool(status, "ready"))
            .filter(status -> JsonFields.object(status, "state", "running") != null)
            .count();
    return ready + "/" + JsonFields.objects(pod, "spec", "containers").size();
  }

  /** The sum of the containers' and init containers' restart counts. */
  static String restarts(JsonObject pod) {
    long restarts = 0;
    for (JsonObject status : statuses(pod)) {
      restarts += JsonFields.integer(status, 0, "restartCount");
    }
    for (JsonObject status : JsonFields.objects(pod, "status", "initContainerStatuses")) {
      restarts += JsonFields.integer(status, 0, "restartCount");
    }
    return String.valueOf(restarts);
  }

  /**
   * The phase, replaced by the pod's {@code status.reason}, then by the last container's waiting or
   * terminated reason ({@code CrashLoopBackOff}, {@code Completed}, {@code ExitCode:1}...), and
   * {@code Terminating} once deleted and not yet finished.
   */
  static String status(JsonObject pod) {
    String phase = JsonFields.string(pod, "status", "phase");
    String reason = phase == null ? "" : phase;
    String podReason = JsonFields.string(pod, "status", "reason");
    if (podReason != null && !podReason.isEmpty()) {
      reason = podReason;
    }
    boolean hasRunning = false;
    List<JsonObject> statuses = statuses(pod);
    // the API server walks backwards, so the first container's state is the one that shows
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonObject status = statuses.get(i);
      String waiting = JsonFields.string(status, "state", "waiting", "reason");
      JsonObject terminated = JsonFields.object(status, "state", "terminated");
      if (waiting != null && !waiting.isEmpty()) {
        reason = waiting;
      } else if (terminated != null) {
        reason = terminatedReason(terminated);
      } else if (JsonFields.bool(status, "ready")
          && JsonFields.object(status, "state", "running") != null) {
        hasRunning = true;
      }
    }
    if (reason.equals("Completed") && hasRunning) {
      reason = "Running";
    }
    boolean terminal = "Succeeded".equals(phase) || "Failed".equals(phase);
    if (JsonFields.string(pod, "metadata", "deletionTimestamp") != null) {
      reason = "NodeLost".equals(podReason) ? "Unknown" : terminal ? reason : "Terminating";
    }
    return reason;
  }

  private static String terminatedReason(JsonObject terminated) {
    String reason = JsonFields.string(terminated, "reason");
    if (reason != null && !reason.isEmpty()) {
      return reason;
    }
    long signal = JsonFields.integer(terminated, 0, "signal");
    return signal != 0
        ? "Signal:" + signal
        : "ExitCode:" + JsonFields.integer(terminated, 0, "exitCode");
  }

  private static List<JsonObject> statuses(JsonObject pod) {
    return JsonFields.objects(pod, "status", "containerStatuses");
  }
}
