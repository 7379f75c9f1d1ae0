package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import dev.tugboat.samples.sandbox.cluster.Conditions;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Scheduled} and {@code FullyApplied} conditions of a binding, as Karmada's scheduler
 * and binding controller would set them. No member cluster exists here, so applying is modelled by
 * one rule that matters to a migration: the member already runs the object (it is being adopted),
 * which Karmada overwrites only when conflict resolution is {@code Overwrite}.
 */
final class BindingConditions {

  static final String SCHEDULED = "Scheduled";
  static final String FULLY_APPLIED = "FullyApplied";

  private BindingConditions() {}

  /**
   * Sets both conditions in a binding's status.
   *
   * @param placement where the binding was scheduled
   * @param now the time of a condition that changes
   */
  static void set(
      JsonObject status,
      ClusterPlacement placement,
      PropagationPolicy policy,
      JsonObject template,
      String now) {
    if (!placement.scheduled()) {
      Conditions.set(status, SCHEDULED, "False", "NoClusterFit", placement.failure(), now, false);
      Conditions.set(
          status,
          FULLY_APPLIED,
          "False",
          "FullyAppliedFailed",
          "the binding is not scheduled to any cluster",
          now,
          false);
      return;
    }
    Conditions.set(
        status,
        SCHEDULED,
        "True",
        "Success",
        "Binding has been scheduled successfully.",
        now,
        false);
    if (PropagationPolicy.OVERWRITE.equals(conflictResolution(policy, template))) {
      Conditions.set(
          status,
          FULLY_APPLIED,
          "True",
          "FullyAppliedSuccess",
          "All works have been successfully applied",
          now,
          false);
    } else {
      Conditions.set(
          status,
          FULLY_APPLIED,
          "False",
          "ApplyConflict",
          conflictMessage(template, placement.clusters()),
          now,
          false);
    }
  }

  /**
   * The conflict resolution Karmada applies: the template's annotation, when it says {@code
   * overwrite} or {@code abort}, wins over the policy's.
   */
  private static String conflictResolution(PropagationPolicy policy, JsonObject template) {
    String annotation =
        JsonFields.string(
            template, "metadata", "annotations", KarmadaApi.CONFLICT_RESOLUTION_ANNOTATION);
    if (annotation != null) {
      switch (annotation.toLowerCase(Locale.ROOT)) {
        case "overwrite":
          return PropagationPolicy.OVERWRITE;
        case "abort":
          return PropagationPolicy.ABORT;
        default:
          // Karmada ignores other values
      }
    }
    return policy.conflictResolution();
  }

  private static String conflictMessage(JsonObject template, List<String> clusters) {
    String namespace = JsonFields.namespace(template);
    return JsonFields.string(template, "kind")
        + " "
        + (namespace == null ? "" : namespace + "/")
        + JsonFields.name(template)
        + " already exists in member cluster "
        + String.join(", ", clusters)
        + ", Karmada will not manage this resource (conflictResolution is not Overwrite)";
  }
}
