package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.PackingSimulation;
import dev.tugboat.restore.capacity.simulate.Placement;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The target's nodes once its pending pods are on them: the pending pods are placed first by the
 * same spread packing as the applications, with their own placement rules and the same headroom,
 * and what they take counts as used. Placing them once, ahead of every trial, gives each trial the
 * room a single simulation placing them first would leave, without paying for them per trial.
 *
 * @param nodes the target's nodes, same order, each with the pending pods placed on it as used
 * @param pendingPods how many pending pods there were, and how many were placed
 */
record PendingPlacement(List<SimNode> nodes, PendingPods pendingPods) {

  /**
   * @param pending the pending pods, identical ones grouped
   */
  static PendingPlacement of(List<SimNode> nodes, List<ReplicaGroup> pending, Headroom headroom) {
    int found = pending.stream().mapToInt(ReplicaGroup::replicas).sum();
    if (found == 0) {
      return new PendingPlacement(nodes, PendingPods.NONE);
    }
    Placement placement =
        PackingSimulation.run(nodes, pending, PackingSimulation.Strategy.SPREAD, headroom);
    List<SimNode> occupied = new ArrayList<>();
    for (int index = 0; index < nodes.size(); index++) {
      SimNode node = nodes.get(index);
      occupied.add(
          new SimNode(node.shape(), node.allocatable(), placement.nodes().get(index).after()));
    }
    return new PendingPlacement(occupied, new PendingPods(found, found - placement.unplaced()));
  }
}
