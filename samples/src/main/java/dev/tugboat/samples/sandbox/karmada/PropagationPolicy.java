package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the double reads of a PropagationPolicy or ClusterPropagationPolicy.
 *
 * @param namespace null for a ClusterPropagationPolicy
 * @param permanentId the policy's {@code permanent-id} label, which claimed templates carry
 * @param placement the policy's {@code spec.placement}, copied to its bindings
 * @param clusterNames {@code spec.placement.clusterAffinity.clusterNames}; empty means all clusters
 * @param conflictResolution {@code Abort} (Karmada's default) or {@code Overwrite}
 */
record PropagationPolicy(
    String namespace,
    String name,
    String permanentId,
    int priority,
    List<ResourceSelector> selectors,
    JsonObject placement,
    List<String> clusterNames,
    String conflictResolution,
    boolean preserveResourcesOnDeletion) {

  static final String ABORT = "Abort";
  static final String OVERWRITE = "Overwrite";

  /**
   * Highest priority first, then the most precise match, then the first name in alphabetical order:
   * Karmada's choice among the policies that match one template.
   */
  private static Comparator<Map.Entry<PropagationPolicy, Integer>> precedence() {
    return Comparator.<Map.Entry<PropagationPolicy, Integer>>comparingInt(
            entry -> -entry.getKey().priority())
        .thenComparingInt(entry -> -entry.getValue())
        .thenComparing(entry -> entry.getKey().name());
  }

  static PropagationPolicy from(JsonObject policy) {
    boolean clusterWide =
        KarmadaApi.CLUSTER_PROPAGATION_POLICY.equals(JsonFields.string(policy, "kind"));
    String permanentId =
        JsonFields.string(
            policy,
            "metadata",
            "labels",
            clusterWide ? KarmadaApi.CLUSTER_POLICY_PERMANENT_ID : KarmadaApi.POLICY_PERMANENT_ID);
    String conflictResolution = JsonFields.string(policy, "spec", "conflictResolution");
    JsonObject placement = JsonFields.object(policy, "spec", "placement");
    return new PropagationPolicy(
        clusterWide ? null : JsonFields.namespace(policy),
        JsonFields.name(policy),
        permanentId != null ? permanentId : JsonFields.uid(policy),
        (int) JsonFields.integer(policy, 0, "spec", "priority"),
        JsonFields.objects(policy, "spec", "resourceSelectors").stream()
            .map(ResourceSelector::from)
            .toList(),
        placement == null ? new JsonObject() : placement.deepCopy(),
        JsonFields.strings(policy, "spec", "placement", "clusterAffinity", "clusterNames"),
        conflictResolution != null ? conflictResolution : ABORT,
        JsonFields.bool(policy, "spec", "preserveResourcesOnDeletion"));
  }

  /**
   * The policy that claims a template: among those that match it, the one of highest precedence.
   */
  static Optional<PropagationPolicy> claimant(
      List<PropagationPolicy> policies, JsonObject template) {
    Map<PropagationPolicy, Integer> matching = new LinkedHashMap<>();
    for (PropagationPolicy policy : policies) {
      int precision = policy.precision(template);
      if (precision != ResourceSelector.NO_MATCH) {
        matching.put(policy, precision);
      }
    }
    return matching.entrySet().stream().sorted(precedence()).map(Map.Entry::getKey).findFirst();
  }

  boolean clusterWide() {
    return namespace == null;
  }

  /**
   * How precisely the policy selects a template: a PropagationPolicy selects in its own namespace,
   * a ClusterPropagationPolicy cluster-scoped objects.
   */
  int precision(JsonObject template) {
    if (!Objects.equals(namespace, JsonFields.namespace(template))) {
      return ResourceSelector.NO_MATCH;
    }
    return selectors.stream()
        .mapToInt(selector -> selector.precision(template))
        .max()
        .orElse(ResourceSelector.NO_MATCH);
  }

  /** The labels a claimed template and its binding carry. */
  Map<String, String> claimLabels() {
    return Map.of(
        clusterWide() ? KarmadaApi.CLUSTER_POLICY_PERMANENT_ID : KarmadaApi.POLICY_PERMANENT_ID,
        permanentId);
  }

  /** The annotations a claimed template and its binding carry: who claimed it. */
  Map<String, String> claimAnnotations() {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (clusterWide()) {
      annotations.put(KarmadaApi.CLUSTER_POLICY_NAME, name);
    } else {
      annotations.put(KarmadaApi.POLICY_NAME, name);
      annotations.put(KarmadaApi.POLICY_NAMESPACE, namespace);
    }
    return annotations;
  }
}
