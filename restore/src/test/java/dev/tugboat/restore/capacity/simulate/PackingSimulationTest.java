package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.GI;
import static dev.tugboat.restore.capacity.simulate.Fixtures.NO_TOLERATIONS;
import static dev.tugboat.restore.capacity.simulate.Fixtures.cpu;
import static dev.tugboat.restore.capacity.simulate.Fixtures.group;
import static dev.tugboat.restore.capacity.simulate.Fixtures.node;
import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static dev.tugboat.restore.capacity.simulate.Fixtures.taintedNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.PackingSimulation.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PackingSimulationTest {

  private static GroupPlacement only(Placement placement) {
    assertThat(placement.groups()).hasSize(1);
    return placement.groups().get(0);
  }

  @Test
  void fourNodesWithOneFreeCpuEachDoNotHostATwoCpuPod() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("b", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("c", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("d", resources(4000, 8 * GI, 110), resources(3000, 0, 5)));
    List<ReplicaGroup> groups = List.of(group("api", 0, 1, resources(2000, GI, 1)));

    GroupPlacement api = only(PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE));

    assertThat(api.placed()).isZero();
    assertThat(api.unplaced()).isEqualTo(1);
    assertThat(api.reason()).contains("cpu");
    assertThat(api.replicasByNode()).isEmpty();
  }

  @Test
  void thePodsPerNodeLimitBinds() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(10_000, 16 * GI, 3), resources(0, 0, 1)),
            node("b", resources(10_000, 16 * GI, 3), resources(0, 0, 1)));

    GroupPlacement web =
        only(
            PackingSimulation.run(
                nodes,
                List.of(group("web", 0, 6, resources(100, GI, 1))),
                Strategy.SPREAD,
                Headroom.NONE));

    assertThat(web.placed()).isEqualTo(4);
    assertThat(web.unplaced()).isEqualTo(2);
    assertThat(web.reason()).contains("pods");
    assertThat(web.replicasByNode()).containsExactly(Map.entry("a", 2), Map.entry("b", 2));
  }

  @Test
  void aTaintedClusterRefusesWithTheFirstRefusalsReason() {
    List<SimNode> nodes =
        List.of(
            taintedNode(
                "gpu-1",
                resources(8000, 32 * GI, 110),
                new Taint("dedicated", "gpu", "NoSchedule")),
            taintedNode(
                "gpu-2", resources(8000, 32 * GI, 110), new Taint("maintenance", "", "NoExecute")));

    GroupPlacement web =
        only(
            PackingSimulation.run(
                nodes,
                List.of(group("web", 2, cpu(100), NO_TOLERATIONS, 5)),
                Strategy.SPREAD,
                Headroom.NONE));

    assertThat(web.unplaced()).isEqualTo(2);
    assertThat(web.reason())
        .contains("no eligible node: taint dedicated=gpu:NoSchedule not tolerated");
  }

  @Test
  void aTaintLeavesTheOtherNodesToThePods() {
    List<SimNode> nodes =
        List.of(
            taintedNode(
                "gpu-1",
                resources(8000, 32 * GI, 110),
                new Taint("dedicated", "gpu", "NoSchedule")),
            node("plain", resources(1000, 32 * GI, 110), ResourceVector.ZERO));

    GroupPlacement web =
        only(
            PackingSimulation.run(
                nodes,
                List.of(group("web", 3, cpu(400), NO_TOLERATIONS, 5)),
                Strategy.SPREAD,
                Headroom.NONE));

    assertThat(web.placed()).isEqualTo(2);
    assertThat(web.reason()).contains("cpu");
    assertThat(web.replicasByNode()).containsExactly(Map.entry("plain", 2));
  }

  @Test
  void oneReplicaPerNodeLeavesTheThirdOfThreeUnplacedOnTwoNodes() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(8000, 16 * GI, 110), ResourceVector.ZERO),
            node("b", resources(8000, 16 * GI, 110), ResourceVector.ZERO));

    GroupPlacement zk =
        only(
            PackingSimulation.run(
                nodes,
                List.of(group("zk", 3, resources(500, GI, 1), NodeEligibility.ANY, 1)),
                Strategy.BEST_FIT,
                Headroom.NONE));

    assertThat(zk.placed()).isEqualTo(2);
    assertThat(zk.unplaced()).isEqualTo(1);
    assertThat(zk.reason()).contains("at most 1 per node");
    assertThat(zk.replicasByNode()).containsExactly(Map.entry("a", 1), Map.entry("b", 1));
  }

  @Test
  void bestFitLeavesTheLargeHoleThatSpreadFillsSoItPlacesMore() {
    List<SimNode> nodes =
        List.of(
            node("small", resources(2000, 8 * GI, 110), ResourceVector.ZERO),
            node("large", resources(4000, 8 * GI, 110), ResourceVector.ZERO));
    List<ReplicaGroup> groups =
        List.of(
            group("db", 1, 1, resources(4000, GI, 1)), group("web", 0, 2, resources(1000, 0, 1)));

    Placement spread = PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE);
    Placement bestFit = PackingSimulation.run(nodes, groups, Strategy.BEST_FIT, Headroom.NONE);

    assertThat(spread.groups().get(1).replicasByNode()).containsExactly(Map.entry("large", 2));
    assertThat(spread.groups().get(0).unplaced()).isEqualTo(1);
    assertThat(spread.groups().get(0).reason()).contains("cpu");
    assertThat(spread.unplaced()).isEqualTo(1);
    assertThat(spread.nodes())
        .containsExactly(
            new NodeUsage(
                "small", resources(2000, 8 * GI, 110), ResourceVector.ZERO, ResourceVector.ZERO),
            new NodeUsage(
                "large", resources(4000, 8 * GI, 110), ResourceVector.ZERO, resources(2000, 0, 2)));

    assertThat(bestFit.groups().get(1).replicasByNode()).containsExactly(Map.entry("small", 2));
    assertThat(bestFit.groups().get(0).replicasByNode()).containsExactly(Map.entry("large", 1));
    assertThat(bestFit.unplaced()).isZero();
    assertThat(bestFit.nodes())
        .containsExactly(
            new NodeUsage(
                "small", resources(2000, 8 * GI, 110), ResourceVector.ZERO, resources(2000, 0, 2)),
            new NodeUsage(
                "large",
                resources(4000, 8 * GI, 110),
                ResourceVector.ZERO,
                resources(4000, GI, 1)));
  }

  @Test
  void spreadKeepsTheMostFreeNodeTheMostFreeAndBreaksTiesByNodeOrder() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO),
            node("b", resources(6000, 8 * GI, 110), ResourceVector.ZERO),
            node("c", resources(4000, 8 * GI, 110), ResourceVector.ZERO));

    GroupPlacement web =
        only(
            PackingSimulation.run(
                nodes, List.of(group("web", 0, 5, cpu(1000))), Strategy.SPREAD, Headroom.NONE));

    // b: 6 -> 5 -> 4 (tie with a and c: a first, then c, then b again)
    assertThat(web.replicasByNode())
        .containsExactly(Map.entry("a", 1), Map.entry("b", 3), Map.entry("c", 1));
  }

  @Test
  void tierZeroIsPlacedFirstWhenRoomIsShort() {
    List<SimNode> nodes = List.of(node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO));
    List<ReplicaGroup> groups =
        List.of(group("aaa-batch", 1, 2, cpu(2000)), group("zzz-core", 0, 3, cpu(1000)));

    Placement placement = PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE);

    assertThat(placement.groups().get(1).placed()).isEqualTo(3);
    assertThat(placement.groups().get(0).placed()).isZero();
    assertThat(placement.groups().get(0).reason()).contains("cpu");
  }

  @Test
  void withinATierTheLargerPodsGoFirst() {
    ResourceVector allocatable = resources(4000, 8 * GI, 110);
    List<ReplicaGroup> groups =
        List.of(group("a-small", 0, 1, cpu(500)), group("b-large", 0, 1, cpu(3000)));

    assertThat(PackingSimulation.placementOrder(groups, allocatable)).containsExactly(1, 0);
    assertThat(
            PackingSimulation.placementOrder(
                List.of(group("b", 0, 1, cpu(500)), group("a", 0, 1, cpu(500))), allocatable))
        .containsExactly(1, 0);
  }

  @Test
  void headroomKeepsAShareOfCpuAndMemoryFree() {
    List<SimNode> nodes = List.of(node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO));
    List<ReplicaGroup> groups = List.of(group("web", 0, 4, cpu(1000)));

    GroupPlacement without =
        only(PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE));
    GroupPlacement with =
        only(
            PackingSimulation.run(
                nodes, groups, Strategy.SPREAD, Headroom.percentOfCpuAndMemory(5)));

    assertThat(without.placed()).isEqualTo(4);
    assertThat(with.placed()).isEqualTo(3);
    assertThat(with.reason()).contains("cpu");
  }

  @Test
  void theSameInputGivesTheSameOutput() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), resources(1500, GI, 7)),
            node("b", resources(8000, 16 * GI, 110), resources(500, 3 * GI, 2)),
            node("c", resources(4000, 8 * GI, 110), ResourceVector.ZERO));
    List<ReplicaGroup> groups =
        List.of(
            group("web", 1, 9, resources(500, GI, 1)),
            group("db", 0, 3, resources(1000, 4 * GI, 1)),
            group("zk", 3, resources(250, GI / 2, 1), NodeEligibility.ANY, 1));

    for (Strategy strategy : Strategy.values()) {
      Placement first = PackingSimulation.run(nodes, groups, strategy, Headroom.NONE);
      Placement second = PackingSimulation.run(nodes, groups, strategy, Headroom.NONE);
      assertThat(second).isEqualTo(first);
    }
    // db first (tier 0, memory-dominant): b 13Gi, b 9Gi, then c 8Gi beats b's 5Gi. zk one per node.
    // web by cpu: b 5250m takes its 4 (memory stops it), then c and a alternate from 2750m/2250m.
    assertThat(PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE).groups())
        .extracting(GroupPlacement::replicasByNode)
        .containsExactly(
            new TreeMap<>(Map.of("a", 2, "b", 4, "c", 3)),
            new TreeMap<>(Map.of("b", 2, "c", 1)),
            new TreeMap<>(Map.of("a", 1, "b", 1, "c", 1)));
  }

  @Test
  void groupsSharingARuleEvaluateItOncePerNode() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO),
            node("b", resources(4000, 8 * GI, 110), ResourceVector.ZERO));
    NodeEligibility shared = node -> Optional.empty();
    WorkCounter counter = new WorkCounter();

    PackingSimulation.run(
        nodes,
        List.of(group("a", 1, cpu(100), shared, 9), group("b", 1, cpu(100), shared, 9)),
        Strategy.SPREAD,
        Headroom.NONE,
        counter);

    assertThat(counter.eligibilityChecks()).isEqualTo(2);
  }

  @Test
  void refusesTwoNodesOfOneName() {
    SimNode a = node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO);

    assertThatThrownBy(
            () -> PackingSimulation.run(List.of(a, a), List.of(), Strategy.SPREAD, Headroom.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("node a is listed twice");
  }
}
