package dev.tugboat.restore.plan;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;
import java.util.Set;

/**
 * The archived items Velero does not restore, and why. Checked in Velero's order:
 *
 * <ol>
 *   <li>types Velero never restores: {@code nonRestorableResources} of {@code
 *       restore_controller.go} (velero.md §3.1 step 1, §3.3 "Never restored");
 *   <li>completed pods ({@code status.phase} {@code Succeeded} or {@code Failed}) and completed
 *       Jobs (a non-empty {@code status.completionTime}; Velero looks at nothing else, so a Job
 *       that failed, which has no completion time, is restored): {@code isCompleted} (§3.3);
 *   <li>mirror pods, whose {@code kubernetes.io/config.mirror} annotation is not empty: the kubelet
 *       recreates them from its static manifests (§3.3);
 *   <li>APIServices labelled {@code kube-aggregator.kubernetes.io/automanaged}, which the API
 *       server registers itself: {@code apiservice_action.go} (§3.4).
 * </ol>
 *
 * Velero's other skips need the target cluster (service-account token Secrets of an existing
 * ServiceAccount, §3.4) or the restore's state (an item already restored in the run) and are not
 * decided here.
 */
public final class RestoreSkips {

  /** velero.md §3.3, {@code nonRestorableResources} (Velero v1.18). */
  private static final Set<String> NEVER_RESTORED =
      Set.of(
          "nodes",
          "events",
          "events.events.k8s.io",
          "backups.velero.io",
          "restores.velero.io",
          "resticrepositories.velero.io",
          "csinodes.storage.k8s.io",
          "volumeattachments.storage.k8s.io",
          "backuprepositories.velero.io");

  private static final String PODS = "pods";
  private static final String JOBS = "jobs.batch";
  private static final String API_SERVICES = "apiservices.apiregistration.k8s.io";
  private static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  private static final String AUTOMANAGED_LABEL = "kube-aggregator.kubernetes.io/automanaged";

  private RestoreSkips() {}

  /**
   * Whether Velero never restores any item of a type, so a restore need not read its items.
   *
   * @param groupResource the type's folder name, e.g. {@code events.events.k8s.io}
   */
  public static boolean isNeverRestored(String groupResource) {
    return NEVER_RESTORED.contains(groupResource);
  }

  /**
   * Decides whether Velero would skip one archived item.
   *
   * @param groupResource the item's group resource, e.g. {@code pods} or {@code jobs.batch}
   * @param item the item as archived (with its status)
   * @return the reason for the restore log and results when the item is skipped; empty when it is
   *     restored
   */
  public static Optional<String> skipReason(String groupResource, JsonObject item) {
    if (isNeverRestored(groupResource)) {
      return Optional.of(groupResource + " are never restored (Velero's non-restorable resources)");
    }
    if (groupResource.equals(PODS)) {
      String phase = JsonPaths.string(item, "status", "phase").orElse(null);
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        return Optional.of("the pod is complete (status.phase " + phase + ")");
      }
      if (!isEmpty(
          JsonPaths.string(item, "metadata", "annotations", MIRROR_POD_ANNOTATION).orElse(null))) {
        return Optional.of(
            "mirror pod (annotation "
                + MIRROR_POD_ANNOTATION
                + "): the kubelet recreates it from its static manifest");
      }
    }
    if (groupResource.equals(JOBS)) {
      String completionTime = JsonPaths.string(item, "status", "completionTime").orElse(null);
      if (!isEmpty(completionTime)) {
        return Optional.of("the job is complete (status.completionTime " + completionTime + ")");
      }
    }
    if (groupResource.equals(API_SERVICES) && hasLabel(item, AUTOMANAGED_LABEL)) {
      return Optional.of(
          "the API server registers this APIService itself (label " + AUTOMANAGED_LABEL + ")");
    }
    return Optional.empty();
  }

  private static boolean hasLabel(JsonObject item, String key) {
    JsonObject labels = JsonPaths.object(item, "metadata", "labels").orElse(null);
    return labels != null && labels.has(key);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
