package dev.tugboat.restore.transform;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;

/**
 * Pods (velero.md 3.4, {@code pod_action.go}): they lose their node, their resolved priority and
 * the volumes of legacy ServiceAccount token secrets, which the target cluster schedules, resolves
 * and mounts anew. Mirror pods and finished pods never get here: {@code
 * dev.tugboat.restore.plan.RestoreSkips} leaves them out.
 */
final class PodAction implements ItemAction {

  @Override
  public boolean appliesTo(String groupResource) {
    return groupResource.equals("pods");
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    JsonPaths.object(item, "spec").ifPresent(PodAction::resetSpec);
    return Optional.empty();
  }

  private static void resetSpec(JsonObject spec) {
    spec.remove("nodeName");
    spec.remove("priority");
    String tokenPrefix = JsonPaths.string(spec, "serviceAccountName").orElse("") + "-token-";
    JsonPaths.array(spec, "volumes")
        .ifPresent(volumes -> JsonPaths.removeIf(volumes, volume -> isNamed(volume, tokenPrefix)));
    for (String containers : new String[] {"containers", "initContainers"}) {
      for (JsonObject container : JsonPaths.objects(spec, containers)) {
        JsonPaths.array(container, "volumeMounts")
            .ifPresent(mounts -> JsonPaths.removeIf(mounts, mount -> isNamed(mount, tokenPrefix)));
      }
    }
  }

  private static boolean isNamed(JsonElement element, String prefix) {
    return element.isJsonObject()
        && JsonPaths.string(element.getAsJsonObject(), "name")
            .filter(n -> n.startsWith(prefix))
            .isPresent();
  }
}
