package dev.tugboat.restore.capacity.simulate;

import java.util.List;

/**
 * The outcome of one packing simulation.
 *
 * @param strategy how replicas chose among nodes
 * @param groups one per input group, in the input order
 * @param nodes one per input node, in the input order
 */
public record Placement(
    PackingSimulation.Strategy strategy, List<GroupPlacement> groups, List<NodeUsage> nodes) {

  public Placement {
    groups = List.copyOf(groups);
    nodes = List.copyOf(nodes);
  }

  /** Replicas no node could take, over all groups. */
  public int unplaced() {
    return groups.stream().mapToInt(GroupPlacement::unplaced).sum();
  }
}
