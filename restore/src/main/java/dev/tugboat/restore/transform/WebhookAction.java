package dev.tugboat.restore.transform;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Optional;
import java.util.Set;

/**
 * Mutating and validating admission webhook configurations of {@code
 * admissionregistration.k8s.io/v1} (velero.md 3.4, {@code admissionwebhook_config_action.go}): v1
 * accepts only {@code sideEffects} {@code None} and {@code NoneOnDryRun}, while objects converted
 * from v1beta1 may carry {@code Unknown} or {@code Some} (or nothing); any other value becomes
 * {@code None} so that the create is accepted.
 */
final class WebhookAction implements ItemAction {

  private static final Set<String> GROUP_RESOURCES =
      Set.of(
          "mutatingwebhookconfigurations.admissionregistration.k8s.io",
          "validatingwebhookconfigurations.admissionregistration.k8s.io");
  private static final Set<String> VALID_SIDE_EFFECTS = Set.of("None", "NoneOnDryRun");

  @Override
  public boolean appliesTo(String groupResource) {
    return GROUP_RESOURCES.contains(groupResource);
  }

  @Override
  public Optional<String> apply(JsonObject item, JsonObject backedUp, RestoreContext context) {
    if (!JsonPaths.string(item, "apiVersion")
        .filter("admissionregistration.k8s.io/v1"::equals)
        .isPresent()) {
      return Optional.empty();
    }
    for (JsonObject webhook : JsonPaths.objects(item, "webhooks")) {
      if (!JsonPaths.string(webhook, "sideEffects")
          .filter(VALID_SIDE_EFFECTS::contains)
          .isPresent()) {
        webhook.addProperty("sideEffects", "None");
      }
    }
    return Optional.empty();
  }
}
