package dev.tugboat.restore.migrate.karmada;

import dev.tugboat.core.cluster.ApplyOutcome;

/**
 * What {@link PolicyWriter} did to one policy.
 *
 * @param kind {@code PropagationPolicy} or {@code ClusterPropagationPolicy}
 * @param namespace {@code null} for a ClusterPropagationPolicy
 * @param outcome CREATED, UPDATED (it existed and differed) or UNCHANGED (it existed as wanted)
 */
public record PolicyWrite(String kind, String namespace, String name, ApplyOutcome outcome) {}
