package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Optional;

/**
 * Jobs (velero.md 3.4, {@code job_action.go}): they lose the controller-uid labels of their
 * selector and pod template, which name the source cluster's Job and would make the API server
 * reject the new one's generated selector. Completed Jobs never get here: {@code
 * dev.tugboat.restore.plan.RestoreSkips} leaves them out.
 */
final class JobAction implements ItemAction {

  /** The label before Kubernetes 1.27 and the one after. */
  static final List<String> CONTROLLER_UID_LABELS =
      List.of("controller-uid", "batch.kubernetes.io/controller-uid");

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("jobs.batch");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    for (String label : CONTROLLER_UID_LABELS) {
      JsonPaths.remove(item, "spec", "selector", "matchLabels", label);
      JsonPaths.remove(item, "spec", "template", "metadata", "labels", label);
    }
    return Optional.empty();
  }
}
