package dev.tugboat.samples.sandbox.bench;

/**
 * The capacity planner's time on one cluster size of the {@link CapacityScenario}, both scenarios.
 *
 * @param nodes the target's nodes
 * @param workloads the workloads being moved, DaemonSets included
 * @param replicas their source replicas, a DaemonSet counting one per eligible node
 * @param fitsNanos median time of one plan when the demand fits
 * @param ladderNanos median time of one plan when the demand is 2.5x as large and the ladder runs
 * @param ladderSimulations the spread simulations that plan ran: the first, then one per ladder
 *     step
 */
record CapacityMeasurement(
    int nodes,
    int workloads,
    int replicas,
    long fitsNanos,
    long ladderNanos,
    int ladderSimulations) {}
