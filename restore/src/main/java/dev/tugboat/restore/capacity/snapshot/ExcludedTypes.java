package dev.tugboat.restore.capacity.snapshot;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.selection.ResourcePattern;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the types {@link SourceObjects} reads a plan's {@code excludedResources} leave out: an
 * excluded type is not migrated, so its objects add no demand (a Job excluded by {@code
 * jobs.batch}), set no floor (an excluded HorizontalPodAutoscaler or PodDisruptionBudget does not
 * exist in the target). The types are matched as discovery describes them, with their usual short
 * names, so that {@code deploy}, {@code Deployment} and {@code deployments.apps} all exclude
 * Deployments whether the source is a live cluster or a backup (which keeps no short names).
 */
final class ExcludedTypes {

  private static final Map<String, ApiResource> TYPES =
      Map.of(
          "deployments.apps",
          type("apps", "deployments", "Deployment", "deploy"),
          "statefulsets.apps",
          type("apps", "statefulsets", "StatefulSet", "sts"),
          "replicasets.apps",
          type("apps", "replicasets", "ReplicaSet", "rs"),
          "daemonsets.apps",
          type("apps", "daemonsets", "DaemonSet", "ds"),
          "jobs.batch",
          type("batch", "jobs", "Job"),
          "pods",
          type("", "pods", "Pod", "po"),
          SourceObjects.AUTOSCALERS,
          type("autoscaling", "horizontalpodautoscalers", "HorizontalPodAutoscaler", "hpa"),
          SourceObjects.DISRUPTION_BUDGETS,
          type("policy", "poddisruptionbudgets", "PodDisruptionBudget", "pdb"));

  private final List<ResourcePattern> patterns;

  /**
   * @param patterns the plan's excluded resource patterns
   */
  ExcludedTypes(List<ResourcePattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /**
   * @param groupResource one of {@link SourceObjects#TYPES}
   */
  boolean excludes(String groupResource) {
    ApiResource type = TYPES.get(groupResource);
    if (type == null) {
      throw new IllegalArgumentException(
          groupResource + " is not one of the types demand is computed from");
    }
    return patterns.stream().anyMatch(pattern -> pattern.matches(type));
  }

  private static ApiResource type(String group, String plural, String kind, String... shortNames) {
    // the version matters to no pattern
    return new ApiResource(
        group, "v1", plural, kind, true, Set.of("list"), List.of(shortNames), "v1");
  }
}
