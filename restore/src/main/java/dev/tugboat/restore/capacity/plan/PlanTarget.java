package dev.tugboat.restore.capacity.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the applications go.
 *
 * @param cluster the target cluster; in Karmada mode, the Karmada control plane
 * @param karmadaMemberCluster in Karmada mode, the member cluster where the applications already
 *     run and which the PropagationPolicies name; empty otherwise
 */
public record PlanTarget(ClusterAccess cluster, Optional<String> karmadaMemberCluster) {

  public PlanTarget {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(karmadaMemberCluster, "karmadaMemberCluster");
  }
}
