package dev.tugboat.restore.capacity.demand;

/**
 * The fewest replicas a workload may be degraded to, and what set it.
 *
 * @param reason e.g. {@code PodDisruptionBudget web-pdb minAvailable 2}, {@code source replicas}
 */
public record Floor(int replicas, String reason) {}
