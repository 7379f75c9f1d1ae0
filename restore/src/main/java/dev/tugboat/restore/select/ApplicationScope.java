package dev.tugboat.restore.select;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of one application of a migration plan: the namespaced items a migration's restore of
 * that application selects, by {@link ApplicationClaims}' rule. An object two applications select
 * belongs to one only, so that no object is restored twice under two application labels.
 *
 * @param plan the migration plan
 * @param application the application's name
 */
public record ApplicationScope(MigrationPlan plan, String application) {

  /** The kinds whose pod template's labels decide, as the capacity planner reads workloads. */
  private static final Set<String> TEMPLATED_KINDS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job");

  public ApplicationScope {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(application, "application");
  }

  /** Whether a namespaced item, as backed up, belongs to the application. */
  public boolean admits(JsonObject item) {
    String kind = JsonPaths.string(item, "kind").orElse("");
    Optional<String> claimant =
        new ApplicationClaims(plan)
            .claimant(
                JsonPaths.string(item, "metadata", "namespace").orElse(""),
                kind,
                JsonPaths.string(item, "metadata", "name").orElse(""),
                claimLabels(kind, item));
    return claimant.filter(application::equals).isPresent();
  }

  private static Map<String, String> claimLabels(String kind, JsonObject item) {
    if (TEMPLATED_KINDS.contains(kind)) {
      return JsonPaths.object(item, "spec", "template").map(JsonPaths::labels).orElse(Map.of());
    }
    return JsonPaths.labels(item);
  }
}
