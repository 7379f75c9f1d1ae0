package dev.tugboat.restore.capacity.planner;

import java.util.Objects;

/**
 * One workload in the plan: the replicas a migration creates for it, and what the ladder may still
 * take from it.
 *
 * @param application the application it belongs to
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code ReplicaSet}, {@code DaemonSet},
 *     {@code Job} or {@code Pod}
 * @param namespace its source namespace
 * @param targetNamespace the namespace it lands in
 * @param sourceReplicas its replicas in the source; for a DaemonSet, the target's eligible nodes
 * @param floor the fewest replicas a ratio or floor rung leaves it
 * @param plannedReplicas after the ladder steps taken
 * @param placed the planned replicas the spread simulation placed
 * @param onePerEligibleNode whether it runs a pod per eligible node (a DaemonSet), which the ladder
 *     leaves alone
 */
public record WorkloadResult(
    String application,
    String kind,
    String namespace,
    String targetNamespace,
    String name,
    int sourceReplicas,
    int floor,
    int plannedReplicas,
    int placed,
    boolean onePerEligibleNode) {

  public WorkloadResult {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(targetNamespace, "targetNamespace");
    Objects.requireNonNull(name, "name");
  }
}
