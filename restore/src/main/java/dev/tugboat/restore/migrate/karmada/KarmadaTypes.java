package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Set;

/** The Karmada resource types this package reads and writes, and how to name their objects. */
final class KarmadaTypes {

  static final String POLICY_API_VERSION = "policy.karmada.io/v1alpha1";
  static final String PROPAGATION_POLICY = "PropagationPolicy";
  static final String CLUSTER_PROPAGATION_POLICY = "ClusterPropagationPolicy";

  static final ApiResource PROPAGATION_POLICIES =
      type("policy.karmada.io", "v1alpha1", "propagationpolicies", PROPAGATION_POLICY, true);
  static final ApiResource CLUSTER_PROPAGATION_POLICIES =
      type(
          "policy.karmada.io",
          "v1alpha1",
          "clusterpropagationpolicies",
          CLUSTER_PROPAGATION_POLICY,
          false);
  static final ApiResource RESOURCE_BINDINGS =
      type("work.karmada.io", "v1alpha2", "resourcebindings", "ResourceBinding", true);
  static final ApiResource CLUSTER_RESOURCE_BINDINGS =
      type(
          "work.karmada.io",
          "v1alpha2",
          "clusterresourcebindings",
          "ClusterResourceBinding",
          false);

  private KarmadaTypes() {}

  /** The type of a policy made by {@link PropagationPolicies}, from its kind. */
  static ApiResource policyType(JsonObject policy) {
    String kind = JsonPaths.string(policy, "kind").orElse("");
    return switch (kind) {
      case PROPAGATION_POLICY -> PROPAGATION_POLICIES;
      case CLUSTER_PROPAGATION_POLICY -> CLUSTER_PROPAGATION_POLICIES;
      default ->
          throw new IllegalArgumentException(
              "not a Karmada propagation policy: kind \"" + kind + "\"");
    };
  }

  /** The policy's namespace; {@code null} for a ClusterPropagationPolicy. */
  static String namespaceOf(JsonObject policy) {
    return JsonPaths.string(policy, "metadata", "namespace").orElse(null);
  }

  static String nameOf(JsonObject policy) {
    return JsonPaths.string(policy, "metadata", "name")
        .orElseThrow(() -> new IllegalArgumentException("a policy needs metadata.name"));
  }

  /** E.g. {@code PropagationPolicy shop/tugboat-web}, to name a policy in messages. */
  static String describe(JsonObject policy) {
    String namespace = namespaceOf(policy);
    String name = nameOf(policy);
    return policyType(policy).kind() + " " + (namespace == null ? name : namespace + "/" + name);
  }

  private static ApiResource type(
      String group, String version, String plural, String kind, boolean namespaced) {
    return new ApiResource(
        group,
        version,
        plural,
        kind,
        namespaced,
        Set.of("get", "list", "create", "patch", "delete"),
        List.of(),
        version);
  }
}
