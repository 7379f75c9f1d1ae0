package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.PackingSimulation.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A whole simulation, which finds its candidates in orders of the nodes by free room, places
 * exactly what placing each replica on its own, scanning every eligible node, would: checked on
 * many seeded clusters with equal nodes (ties), full nodes, per-node caps and two placement rules.
 */
class PackingEquivalenceTest {

  private static final int CASES = 400;

  private static final NodeEligibility EVERY_NODE = node -> Optional.empty();

  private static final NodeEligibility ODD_NODES =
      node -> node.name().endsWith("0") ? Optional.of("node selector zone=b") : Optional.empty();

  @Test
  void placementsMatchOneReplicaAtATime() {
    Random random = new Random(66);
    for (int run = 0; run < CASES; run++) {
      List<SimNode> nodes = nodes(random);
      List<ReplicaGroup> groups = groups(random);
      for (Strategy strategy : Strategy.values()) {
        Placement placement = PackingSimulation.run(nodes, groups, strategy, Headroom.NONE);

        List<SortedMap<String, Integer>> expected = oneAtATime(nodes, groups, strategy);
        for (int group = 0; group < groups.size(); group++) {
          assertThat(placement.groups().get(group).replicasByNode())
              .as("case %d, %s, group %d", run, strategy, group)
              .isEqualTo(expected.get(group));
        }
      }
    }
  }

  /** Few sizes of node, often already in use, so that equal free room is frequent. */
  private static List<SimNode> nodes(Random random) {
    List<SimNode> nodes = new ArrayList<>();
    int count = 1 + random.nextInt(12);
    for (int index = 0; index < count; index++) {
      long cpu = 1000L * (1 + random.nextInt(3));
      nodes.add(
          Fixtures.node(
              "node-" + index,
              resources(cpu, 4000, 6),
              resources(250L * random.nextInt(3), 500L * random.nextInt(4), random.nextInt(3))));
    }
    return nodes;
  }

  private static List<ReplicaGroup> groups(Random random) {
    List<ReplicaGroup> groups = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int index = 0; index < count; index++) {
      groups.add(
          new ReplicaGroup(
              "app-" + index,
              "shop",
              random.nextInt(2),
              random.nextInt(15),
              resources(250L * (1 + random.nextInt(3)), 500L * random.nextInt(4), 1),
              random.nextBoolean() ? EVERY_NODE : ODD_NODES,
              random.nextInt(3) == 0 ? 1 + random.nextInt(2) : ReplicaGroup.NO_PER_NODE_LIMIT));
    }
    return groups;
  }

  private static List<SortedMap<String, Integer>> oneAtATime(
      List<SimNode> nodes, List<ReplicaGroup> groups, Strategy strategy) {
    ResourceVector allocatable = ResourceVector.ZERO;
    ResourceVector[] free = new ResourceVector[nodes.size()];
    for (int index = 0; index < nodes.size(); index++) {
      allocatable = allocatable.plus(nodes.get(index).allocatable());
      free[index] = nodes.get(index).free(Headroom.NONE);
    }
    List<SortedMap<String, Integer>> placed = new ArrayList<>();
    for (int index = 0; index < groups.size(); index++) {
      placed.add(new TreeMap<>());
    }
    for (int index : PackingSimulation.placementOrder(groups, allocatable)) {
      ReplicaGroup group = groups.get(index);
      String dominant = dominant(group.perReplica(), allocatable);
      int[] onNode = new int[nodes.size()];
      for (int replica = 0; replica < group.replicas(); replica++) {
        int chosen = -1;
        for (int node = 0; node < nodes.size(); node++) {
          if (!group.eligibility().admits(nodes.get(node).shape())
              || onNode[node] == group.maxPerNode()
              || !group.perReplica().fitsIn(free[node])) {
            continue;
          }
          long room = free[node].get(dominant);
          long best = chosen < 0 ? 0 : free[chosen].get(dominant);
          if (chosen < 0 || (strategy == Strategy.SPREAD ? room > best : room < best)) {
            chosen = node;
          }
        }
        if (chosen < 0) {
          break;
        }
        onNode[chosen]++;
        free[chosen] = free[chosen].minus(group.perReplica());
        placed.get(index).merge(nodes.get(chosen).name(), 1, Integer::sum);
      }
    }
    return placed;
  }

  /** The largest share of the cluster; on a tie, the first resource by name. */
  private static String dominant(ResourceVector perReplica, ResourceVector allocatable) {
    String dominant = ResourceVector.PODS;
    double largest = -1;
    for (Map.Entry<String, Long> amount : perReplica.amounts().entrySet()) {
      double share = (double) amount.getValue() / allocatable.get(amount.getKey());
      if (share > largest) {
        dominant = amount.getKey();
        largest = share;
      }
    }
    return dominant;
  }
}
