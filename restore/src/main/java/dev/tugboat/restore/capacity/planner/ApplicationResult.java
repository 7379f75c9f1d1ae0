package dev.tugboat.restore.capacity.planner;

import java.util.Objects;

/**
 * One application in the plan, as the spread simulation (the scheduler's way) placed it.
 *
 * @param sourceReplicas the replicas of all its workloads in the source (for a DaemonSet, the
 *     target's eligible nodes)
 * @param plannedReplicas after the ladder steps taken
 * @param placed replicas the quota admitted and a node took
 * @param unplaced {@code plannedReplicas - placed}
 * @param binding what stopped the first workload with unplaced replicas: {@code cpu}, {@code
 *     memory}, {@code pods}, {@code quota:<key>}, {@code no eligible node: <reason>} or {@code at
 *     most N per node}; null when every planned replica is placed
 * @param deferred whether the application is not moved at all (tier 3 under {@code partial})
 */
public record ApplicationResult(
    String name,
    int tier,
    int sourceReplicas,
    int plannedReplicas,
    int placed,
    int unplaced,
    String binding,
    boolean deferred) {

  public ApplicationResult {
    Objects.requireNonNull(name, "name");
  }
}
