package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregate necessary condition: the demand summed over all groups must not exceed, on any
 * resource, the free room summed over the nodes that at least one group may use. Failing it means
 * infeasible whatever the packing; passing it does not mean the replicas fit (four nodes with 1
 * free CPU each do not host a 2-CPU pod).
 */
public final class AggregateCheck {

  private AggregateCheck() {}

  public static AggregateResult check(
      List<SimNode> nodes, List<ReplicaGroup> groups, Headroom headroom) {
    EligibilityIndex eligibility = new EligibilityIndex(nodes, new WorkCounter());
    ResourceVector demand = ResourceVector.ZERO;
    TreeSet<Integer> usable = new TreeSet<>();
    for (ReplicaGroup group : groups) {
      if (group.replicas() > 0) {
        demand = demand.plus(group.demand());
        usable.addAll(eligibility.of(group.eligibility()).nodes());
      }
    }
    ResourceVector free = ResourceVector.ZERO;
    for (int node : usable) {
      free = free.plus(positivePart(nodes.get(node).free(headroom)));
    }
    return new AggregateResult(demand, free, demand.shortfall(free));
  }

  /** An overcommitted node has nothing to give, but does not take from the others either. */
  private static ResourceVector positivePart(ResourceVector free) {
    Map<String, Long> positive = new TreeMap<>();
    free.amounts().forEach((resource, amount) -> positive.put(resource, Math.max(0, amount)));
    return ResourceVector.of(positive);
  }
}
