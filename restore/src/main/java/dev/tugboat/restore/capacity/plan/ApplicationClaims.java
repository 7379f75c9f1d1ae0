package dev.tugboat.restore.capacity.plan;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which application of a plan an object belongs to; the one rule that both the capacity planner
 * (for workloads) and the migration (for every object it moves) follow.
 *
 * <p>An object joins the listed application whose selector matches it (its source namespace, kind,
 * name and labels); when several match, the highest {@code priority} wins, then the first in the
 * plan. An object no listed application claims joins the application named by its value of the
 * plan's grouping label, if any. The labels matched are a workload's pod template labels (what
 * selectors of Services, budgets and autoscalers name) and any other object's own labels.
 */
public final class ApplicationClaims {

  /** The kinds whose pod template's labels decide, as the capacity planner reads workloads. */
  private static final Set<String> TEMPLATED_KINDS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job");

  private final List<PlanApplication> listed;
  private final Optional<Grouping> grouping;

  public ApplicationClaims(MigrationPlan plan) {
    this.listed = plan.applications();
    this.grouping = plan.grouping();
  }

  /** The listed application that claims an object: the matching one of highest priority. */
  public Optional<PlanApplication> listedClaimant(
      String namespace, String kind, String name, Map<String, String> labels) {
    PlanApplication best = null;
    for (PlanApplication application : listed) {
      if (matches(application.selector(), namespace, kind, name, labels)
          && (best == null || application.priority() > best.priority())) {
        best = application;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The name of the application that claims an object, listed or derived. */
  public Optional<String> claimant(
      String namespace, String kind, String name, Map<String, String> labels) {
    Optional<PlanApplication> listedClaimant = listedClaimant(namespace, kind, name, labels);
    if (listedClaimant.isPresent()) {
      return listedClaimant.map(PlanApplication::name);
    }
    return derivedClaimant(labels);
  }

  /** The name of the application that claims a namespaced object, as backed up. */
  public Optional<String> claimant(JsonObject object) {
    String kind = JsonPaths.string(object, "kind").orElse("");
    Map<String, String> labels =
        TEMPLATED_KINDS.contains(kind)
            ? JsonPaths.object(object, "spec", "template").map(JsonPaths::labels).orElse(Map.of())
            : JsonPaths.labels(object);
    return claimant(
        JsonPaths.string(object, "metadata", "namespace").orElse(""),
        kind,
        JsonPaths.string(object, "metadata", "name").orElse(""),
        labels);
  }

  /** The application an object joins by its grouping label, when no listed one claims it. */
  public Optional<String> derivedClaimant(Map<String, String> labels) {
    return grouping.map(Grouping::label).map(labels::get);
  }

  private static boolean matches(
      ApplicationSelector selector,
      String namespace,
      String kind,
      String name,
      Map<String, String> labels) {
    return selector.namespaces().contains(namespace)
        && (selector.kinds().isEmpty() || selector.kinds().contains(kind))
        && (selector.names().isEmpty() || selector.names().contains(name))
        && selector.labelSelector().matches(labels);
  }
}
