package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;

/**
 * One node's requests before and after the placement, for the per-node projection.
 *
 * @param node the node's name
 * @param allocatable what the node offers
 * @param before the requests of the pods already bound
 * @param after the same plus the replicas placed there
 */
public record NodeUsage(
    String node, ResourceVector allocatable, ResourceVector before, ResourceVector after) {}
