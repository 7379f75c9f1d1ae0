package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * APIServices (velero.md 3.4, {@code apiservice_action.go}): one labelled {@code
 * kube-aggregator.kubernetes.io/automanaged} is not restored, since the target cluster's API server
 * registers it itself.
 */
final class ApiServiceAction implements ItemAction {

  static final String AUTOMANAGED = "kube-aggregator.kubernetes.io/automanaged";

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("apiservices.apiregistration.k8s.io");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    return Json.object(item, "metadata", "labels")
        .filter(labels -> labels.has(AUTOMANAGED))
        .map(labels -> "APIService managed by the Kubernetes API server");
  }
}
