package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Places groups one after another on the nodes' free room, which each placement consumes. Mutable:
 * one instance per simulation.
 */
final class GroupPacker {

  private final List<SimNode> nodes;
  private final ResourceVector[] free;
  private final ResourceVector[] used;
  private final ResourceVector clusterAllocatable;
  private final EligibilityIndex eligibility;
  private final PackingSimulation.Strategy strategy;
  private final WorkCounter counter;

  GroupPacker(
      List<SimNode> nodes,
      Headroom headroom,
      ResourceVector clusterAllocatable,
      PackingSimulation.Strategy strategy,
      WorkCounter counter) {
    this.nodes = nodes;
    this.free = new ResourceVector[nodes.size()];
    this.used = new ResourceVector[nodes.size()];
    for (int index = 0; index < nodes.size(); index++) {
      free[index] = nodes.get(index).free(headroom);
      used[index] = nodes.get(index).used();
    }
    this.clusterAllocatable = clusterAllocatable;
    this.eligibility = new EligibilityIndex(nodes, counter);
    this.strategy = strategy;
    this.counter = counter;
  }

  /** The requests on a node now: those bound before plus the replicas placed so far. */
  ResourceVector usedOn(int node) {
    return used[node];
  }

  GroupPlacement place(ReplicaGroup group) {
    int replicas = group.replicas();
    if (replicas == 0) {
      return new GroupPlacement(group, 0, 0, Optional.empty(), new TreeMap<>());
    }
    EligibilityIndex.Eligible eligible = eligibility.of(group.eligibility());
    if (eligible.nodes().isEmpty()) {
      String why = eligible.firstRefusal().orElse("the cluster has no schedulable node");
      return new GroupPlacement(
          group, 0, replicas, Optional.of("no eligible node: " + why), new TreeMap<>());
    }
    ResourceVector perReplica = group.perReplica();
    String dominant = dominantResource(perReplica);
    List<Candidate> candidates = new ArrayList<>();
    SortedMap<String, Integer> blockers = new TreeMap<>();
    for (int node : eligible.nodes()) {
      counter.nodeVisited();
      long fitting = perReplica.timesFitting(free[node]);
      long room = Math.min(Math.min(fitting, group.maxPerNode()), replicas);
      blockers.merge(blocker(group, free[node], fitting), 1, Integer::sum);
      if (room > 0) {
        candidates.add(new Candidate(node, free[node].get(dominant), room));
      }
    }
    long[] taken =
        strategy == PackingSimulation.Strategy.BEST_FIT
            ? BestFitFill.fill(candidates, replicas, counter)
            : SpreadFill.fill(candidates, perReplica.get(dominant), replicas, counter);
    SortedMap<String, Integer> byNode = new TreeMap<>();
    int placed = 0;
    for (int index = 0; index < taken.length; index++) {
      if (taken[index] > 0) {
        int node = candidates.get(index).node();
        ResourceVector added = perReplica.times(taken[index]);
        free[node] = free[node].minus(added);
        used[node] = used[node].plus(added);
        byNode.put(nodes.get(node).name(), (int) taken[index]);
        placed += (int) taken[index];
      }
    }
    int unplaced = replicas - placed;
    Optional<String> reason =
        unplaced == 0 ? Optional.empty() : Optional.of(mostFrequent(blockers));
    return new GroupPlacement(group, placed, unplaced, reason, byNode);
  }

  /**
   * What stops a node from taking more replicas once it holds as many as fit: the per-node cap when
   * it is the smaller limit, otherwise the first resource, by name, that runs short.
   */
  private static String blocker(ReplicaGroup group, ResourceVector free, long fitting) {
    if (group.maxPerNode() < fitting) {
      return "at most " + group.maxPerNode() + " per node";
    }
    ResourceVector left = free.minus(group.perReplica().times(fitting));
    return group.perReplica().shortfall(left).orElseThrow();
  }

  /** The reason most nodes gave; on a tie, the first by name, so the answer is deterministic. */
  private static String mostFrequent(SortedMap<String, Integer> blockers) {
    String reason = null;
    int count = 0;
    for (Map.Entry<String, Integer> blocker : blockers.entrySet()) {
      if (blocker.getValue() > count) {
        reason = blocker.getKey();
        count = blocker.getValue();
      }
    }
    return reason;
  }

  /**
   * The resource of which a replica takes the largest share of the cluster's allocatable (a
   * resource the cluster lacks counts as a full share); on a tie, the first by name.
   */
  private String dominantResource(ResourceVector perReplica) {
    String dominant = ResourceVector.PODS;
    double largest = -1;
    for (Map.Entry<String, Long> amount : perReplica.amounts().entrySet()) {
      double share =
          ResourceVector.of(amount.getKey(), amount.getValue()).dominantShare(clusterAllocatable);
      if (share > largest) {
        dominant = amount.getKey();
        largest = share;
      }
    }
    return dominant;
  }
}
