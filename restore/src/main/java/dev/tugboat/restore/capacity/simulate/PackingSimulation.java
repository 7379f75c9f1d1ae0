package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-node packing simulation: first-fit-decreasing by dominant resource. Groups are placed in
 * order of tier (ascending), then the dominant share of one replica over the cluster's allocatable
 * (descending: large pods first, while large holes remain), then name; each replica goes to an
 * eligible node where it fits on every resource and within the group's per-node cap, the node
 * chosen by the {@link Strategy}. Replicas of a group are placed in batches, never one by one (see
 * {@link SpreadFill} and {@link BestFitFill}) on the few nodes that can take them, found in O(log
 * N) each in an order of the nodes by free room ({@link GroupPacker}), whatever the replica count;
 * eligibility is evaluated once per distinct (placement rule, node class) in an {@link
 * EligibilityCache}.
 */
public final class PackingSimulation {

  /** How a replica chooses among the nodes it fits on. */
  public enum Strategy {
    /** The node with the most free room of the replica's dominant resource: the scheduler's way. */
    SPREAD,
    /** The node with the least free room that still takes it: the optimistic bound. */
    BEST_FIT
  }

  /** What a simulation works out about the replicas it cannot place. */
  public enum Detail {
    /** Why, for every group with unplaced replicas: what a report shows. */
    WITH_REASONS,
    /**
     * Only how many: the reasons read every eligible node, which the ladder's trials, that only ask
     * whether everything fits, need not pay for.
     */
    COUNTS_ONLY
  }

  private PackingSimulation() {}

  /**
   * @param nodes the schedulable nodes, names unique
   * @param groups the replicas to place
   * @param headroom room kept free on every node
   */
  public static Placement run(
      List<SimNode> nodes, List<ReplicaGroup> groups, Strategy strategy, Headroom headroom) {
    return run(nodes, groups, strategy, headroom, new WorkCounter());
  }

  static Placement run(
      List<SimNode> nodes,
      List<ReplicaGroup> groups,
      Strategy strategy,
      Headroom headroom,
      WorkCounter counter) {
    return run(
        groups, strategy, headroom, new EligibilityCache(nodes, counter), Detail.WITH_REASONS);
  }

  /**
   * @param groups the replicas to place
   * @param headroom room kept free on every node
   * @param eligibility the cache of the nodes to place on, names unique; shared by the simulations
   *     of one plan
   */
  public static Placement run(
      List<ReplicaGroup> groups,
      Strategy strategy,
      Headroom headroom,
      EligibilityCache eligibility,
      Detail detail) {
    List<SimNode> nodes = eligibility.nodes();
    ResourceVector clusterAllocatable = ResourceVector.ZERO;
    for (SimNode node : nodes) {
      clusterAllocatable = clusterAllocatable.plus(node.allocatable());
    }
    GroupPacker packer =
        new GroupPacker(eligibility, headroom, clusterAllocatable, strategy, detail);
    GroupPlacement[] placements = new GroupPlacement[groups.size()];
    for (int index : placementOrder(groups, clusterAllocatable)) {
      placements[index] = packer.place(groups.get(index));
    }
    List<NodeUsage> usage = new ArrayList<>();
    for (int index = 0; index < nodes.size(); index++) {
      SimNode node = nodes.get(index);
      usage.add(new NodeUsage(node.name(), node.allocatable(), node.used(), packer.usedOn(index)));
    }
    return new Placement(strategy, List.of(placements), usage);
  }

  /** Group indexes by tier, then dominant share descending, then name, then input position. */
  static List<Integer> placementOrder(
      List<ReplicaGroup> groups, ResourceVector clusterAllocatable) {
    List<Integer> order = new ArrayList<>();
    for (int index = 0; index < groups.size(); index++) {
      order.add(index);
    }
    order.sort(
        Comparator.<Integer>comparingInt(index -> groups.get(index).tier())
            .thenComparing(
                index -> groups.get(index).perReplica().dominantShare(clusterAllocatable),
                Comparator.<Double>reverseOrder())
            .thenComparing(index -> groups.get(index).name())
            .thenComparing(Comparator.naturalOrder()));
    return order;
  }
}
