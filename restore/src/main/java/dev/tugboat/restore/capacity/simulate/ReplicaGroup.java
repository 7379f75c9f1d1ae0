package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Objects;

/**
 * Identical replicas of one workload to place, handled as a whole and never one by one.
 *
 * @param application the application they belong to, as the plan names it
 * @param namespace the target namespace
 * @param tier 0 (core) to 3 (sheddable); lower tiers are placed first
 * @param replicas how many
 * @param perReplica the effective request of one pod; {@code pods} is always 1, added when absent
 * @param eligibility which nodes a replica may go to; groups sharing one rule object share its
 *     evaluation
 * @param maxPerNode at most this many replicas on one node (1 for a required anti-affinity on the
 *     hostname or a host port), {@link #NO_PER_NODE_LIMIT} otherwise
 */
public record ReplicaGroup(
    String application,
    String namespace,
    int tier,
    int replicas,
    ResourceVector perReplica,
    NodeEligibility eligibility,
    int maxPerNode) {

  public static final int NO_PER_NODE_LIMIT = Integer.MAX_VALUE;

  public ReplicaGroup {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(perReplica, "perReplica");
    Objects.requireNonNull(eligibility, "eligibility");
    String name = namespace + "/" + application;
    if (tier < 0) {
      throw new IllegalArgumentException(name + ": tier must not be negative, got " + tier);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException(name + ": replicas must not be negative, got " + replicas);
    }
    if (maxPerNode < 1) {
      throw new IllegalArgumentException(
          name + ": maxPerNode must be at least 1, got " + maxPerNode);
    }
    perReplica
        .amounts()
        .forEach(
            (resource, amount) -> {
              if (amount < 0) {
                throw new IllegalArgumentException(
                    name + ": negative request of " + resource + ": " + amount);
              }
            });
    long pods = perReplica.get(ResourceVector.PODS);
    if (pods > 1) {
      throw new IllegalArgumentException(name + ": a replica is one pod, not pods=" + pods);
    }
    if (pods == 0) {
      perReplica = perReplica.plus(ResourceVector.of(ResourceVector.PODS, 1));
    }
  }

  /** {@code namespace/application}, how reports name the group. */
  public String name() {
    return namespace + "/" + application;
  }

  /** The requests of all the replicas together. */
  public ResourceVector demand() {
    return perReplica.times(replicas);
  }
}
