package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.GI;
import static dev.tugboat.restore.capacity.simulate.Fixtures.group;
import static dev.tugboat.restore.capacity.simulate.Fixtures.node;
import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.PackingSimulation.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The work grows like G·N·log N, not like replicas × nodes: counted in steps, never timed. With 10
 * replicas per node, replicas × nodes would grow 100-fold from 100 to 1,000 nodes; N·log N grows
 * 15-fold.
 */
class PackingScalingTest {

  private static final int GROUPS = 5;

  @Test
  void workGrowsLikeNLogNWithTenReplicasPerNode() {
    for (Strategy strategy : Strategy.values()) {
      WorkCounter small = simulate(100, strategy);
      WorkCounter large = simulate(1000, strategy);

      assertThat(small.eligibilityChecks()).isEqualTo(2 * 100);
      assertThat(large.eligibilityChecks()).isEqualTo(2 * 1000);
      assertThat(small.total()).isLessThanOrEqualTo(bound(100));
      assertThat(large.total()).isLessThanOrEqualTo(bound(1000));
      assertThat((double) large.total() / small.total()).isLessThan(20);
    }
  }

  /** A constant times G·N·log2 N; replicas × nodes is 10·N², 100 to 1000 times larger here. */
  private static long bound(int nodes) {
    return (long) (4 * GROUPS * nodes * (Math.log(nodes) / Math.log(2)));
  }

  private static WorkCounter simulate(int nodeCount, Strategy strategy) {
    List<SimNode> nodes = new ArrayList<>();
    for (int index = 0; index < nodeCount; index++) {
      // uneven nodes, so that the fills cannot take a shortcut
      nodes.add(
          node(
              String.format("node-%04d", index),
              resources(16_000, 64 * GI, 110),
              resources(100 * (index % 7), GI * (index % 5), index % 3)));
    }
    NodeEligibility everywhere = node -> Optional.empty();
    NodeEligibility notOnEvenNodes =
        node -> node.name().endsWith("0") ? Optional.of("node selector zone=b") : Optional.empty();
    List<ReplicaGroup> groups = new ArrayList<>();
    for (int index = 0; index < GROUPS; index++) {
      ResourceVector perReplica = resources(200 + 100 * index, GI / 2 + GI * index / 4, 1);
      groups.add(
          index % 2 == 0
              ? group("app-" + index, 2 * nodeCount, perReplica, everywhere, 3)
              : group(
                  "app-" + index,
                  2 * nodeCount,
                  perReplica,
                  notOnEvenNodes,
                  ReplicaGroup.NO_PER_NODE_LIMIT));
    }
    WorkCounter counter = new WorkCounter();
    Placement placement = PackingSimulation.run(nodes, groups, strategy, Headroom.NONE, counter);
    assertThat(placement.unplaced()).isZero();
    return counter;
  }
}
