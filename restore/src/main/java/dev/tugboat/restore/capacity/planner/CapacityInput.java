package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the planner weighs, as plain values: the target's snapshot and the demand.
 *
 * @param nodes the target's schedulable nodes
 * @param pendingPods the target's pods waiting for a node, identical ones grouped; placed before
 *     the applications ({@link PendingPlacement})
 * @param quotas target namespace to its quota; a namespace without one is not limited
 * @param applications the applications being moved, and the workloads no application claims
 * @param floors the floor of every workload that does not run one pod per eligible node
 * @param ladder the plan's replica ratios, from 1.0, strictly decreasing; the floor comes after
 * @param allowCoreDegrade whether tier 0 may be stepped down too
 * @param headroom room kept free on every node
 * @param onInsufficientCapacity the plan's action; only {@code partial} lets tier 3 be deferred
 */
public record CapacityInput(
    List<SimNode> nodes,
    List<ReplicaGroup> pendingPods,
    Map<String, NamespaceQuota> quotas,
    Applications applications,
    Map<Workload, Floor> floors,
    List<Double> ladder,
    boolean allowCoreDegrade,
    Headroom headroom,
    InsufficientCapacityAction onInsufficientCapacity) {

  public CapacityInput {
    nodes = List.copyOf(nodes);
    pendingPods = List.copyOf(pendingPods);
    quotas = Map.copyOf(quotas);
    Objects.requireNonNull(applications, "applications");
    floors = Map.copyOf(floors);
    ladder = List.copyOf(ladder);
    if (ladder.isEmpty() || ladder.get(0) != 1.0) {
      throw new IllegalArgumentException("the ladder must start at 1.0, not " + ladder);
    }
    Objects.requireNonNull(headroom, "headroom");
    Objects.requireNonNull(onInsufficientCapacity, "onInsufficientCapacity");
  }
}
