package dev.tugboat.restore.capacity.simulate;

/**
 * An eligible node that can take at least one replica of the group being placed.
 *
 * @param node index into the node list, the last tie-breaker
 * @param dominantFree the node's free amount of the replica's dominant resource
 * @param room how many replicas it can take: fitting on every resource, within the per-node cap and
 *     at most the group's replica count
 */
record Candidate(int node, long dominantFree, long room) {}
