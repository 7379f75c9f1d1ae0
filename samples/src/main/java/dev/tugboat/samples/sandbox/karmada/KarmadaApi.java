package dev.tugboat.samples.sandbox.karmada;

import java.util.List;
import java.util.Set;

/** The Karmada API versions, kinds, labels and annotations the sandbox's Karmada double uses. */
final class KarmadaApi {

  static final String POLICY_API_VERSION = "policy.karmada.io/v1alpha1";
  static final String PROPAGATION_POLICY = "PropagationPolicy";
  static final String CLUSTER_PROPAGATION_POLICY = "ClusterPropagationPolicy";

  static final String WORK_API_VERSION = "work.karmada.io/v1alpha2";
  static final String RESOURCE_BINDING = "ResourceBinding";
  static final String CLUSTER_RESOURCE_BINDING = "ClusterResourceBinding";

  static final String CLUSTER_API_VERSION = "cluster.karmada.io/v1alpha1";
  static final String CLUSTER = "Cluster";

  /** Karmada's own claim on a template, put there by a PropagationPolicy. */
  static final String POLICY_PERMANENT_ID = "propagationpolicy.karmada.io/permanent-id";

  static final String POLICY_NAME = "propagationpolicy.karmada.io/name";
  static final String POLICY_NAMESPACE = "propagationpolicy.karmada.io/namespace";

  /** The claim of a ClusterPropagationPolicy. */
  static final String CLUSTER_POLICY_PERMANENT_ID =
      "clusterpropagationpolicy.karmada.io/permanent-id";

  static final String CLUSTER_POLICY_NAME = "clusterpropagationpolicy.karmada.io/name";

  /** Every label and annotation key a claim may have set on a template. */
  static final List<String> CLAIM_KEYS =
      List.of(
          POLICY_PERMANENT_ID,
          POLICY_NAME,
          POLICY_NAMESPACE,
          CLUSTER_POLICY_PERMANENT_ID,
          CLUSTER_POLICY_NAME);

  /**
   * The template annotation that, set to {@code overwrite} or {@code abort}, wins over the policy's
   * {@code conflictResolution} ({@code karmadactl promote} sets it).
   */
  static final String CONFLICT_RESOLUTION_ANNOTATION = "work.karmada.io/conflict-resolution";

  /** The kinds whose changes always concern the propagation controller, as apiVersion/kind. */
  static final Set<String> OWN_KINDS =
      Set.of(
          POLICY_API_VERSION + "/" + PROPAGATION_POLICY,
          POLICY_API_VERSION + "/" + CLUSTER_PROPAGATION_POLICY,
          WORK_API_VERSION + "/" + RESOURCE_BINDING,
          WORK_API_VERSION + "/" + CLUSTER_RESOURCE_BINDING,
          CLUSTER_API_VERSION + "/" + CLUSTER);

  private KarmadaApi() {}
}
