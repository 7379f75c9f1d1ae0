package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
    return check(groups, headroom, new EligibilityCache(nodes));
  }

  /**
   * @param eligibility the cache of the nodes to check against, shared by the checks of one plan
   */
  public static AggregateResult check(
      List<ReplicaGroup> groups, Headroom headroom, EligibilityCache eligibility) {
    List<SimNode> nodes = eligibility.nodes();
    ResourceVector demand = ResourceVector.ZERO;
    // groups of one placement rule share a pool: each pool's nodes are marked once, not per group
    Set<EligibilityCache.Pool> pools = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean[] usable = new boolean[nodes.size()];
    for (ReplicaGroup group : groups) {
      if (group.replicas() > 0) {
        demand = demand.plus(group.demand());
        EligibilityCache.Pool pool = eligibility.pool(group.eligibility());
        if (pools.add(pool)) {
          for (int node : pool.nodes()) {
            usable[node] = true;
          }
        }
      }
    }
    ResourceVector free = ResourceVector.ZERO;
    for (int node = 0; node < nodes.size(); node++) {
      if (usable[node]) {
        free = free.plus(positivePart(nodes.get(node).free(headroom)));
      }
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
