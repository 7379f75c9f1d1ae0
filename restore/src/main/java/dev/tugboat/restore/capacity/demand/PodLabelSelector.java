package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A label selector object as PodDisruptionBudgets and pod affinity terms write it ({@code
 * matchLabels} and {@code matchExpressions}, all ANDed). Kubernetes reads a missing selector in
 * those places as matching nothing, and an empty one as matching everything.
 */
final class PodLabelSelector {

  private static final PodLabelSelector NOTHING = new PodLabelSelector(null);

  /** Null for the selector that matches nothing. */
  private final List<MatchExpression> requirements;

  private PodLabelSelector(List<MatchExpression> requirements) {
    this.requirements = requirements;
  }

  static PodLabelSelector read(Optional<JsonObject> selector) {
    if (selector.isEmpty()) {
      return NOTHING;
    }
    List<MatchExpression> requirements = new ArrayList<>();
    JsonPaths.object(selector.get(), "matchLabels")
        .ifPresent(
            labels ->
                labels
                    .entrySet()
                    .forEach(
                        label ->
                            requirements.add(
                                new MatchExpression(
                                    label.getKey(),
                                    "In",
                                    List.of(label.getValue().getAsString())))));
    JsonPaths.objects(selector.get(), "matchExpressions").stream()
        .map(MatchExpression::read)
        .forEach(requirements::add);
    return new PodLabelSelector(List.copyOf(requirements));
  }

  boolean matches(Map<String, String> labels) {
    return requirements != null
        && requirements.stream()
            .allMatch(
                requirement ->
                    requirement.matches(Optional.ofNullable(labels.get(requirement.key()))));
  }
}
