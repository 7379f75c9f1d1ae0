package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.GI;
import static dev.tugboat.restore.capacity.simulate.Fixtures.NO_TOLERATIONS;
import static dev.tugboat.restore.capacity.simulate.Fixtures.group;
import static dev.tugboat.restore.capacity.simulate.Fixtures.node;
import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static dev.tugboat.restore.capacity.simulate.Fixtures.taintedNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.simulate.PackingSimulation.Strategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregateCheckTest {

  @Test
  void fragmentedRoomPassesTheAggregateButNotThePacking() {
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("b", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("c", resources(4000, 8 * GI, 110), resources(3000, 0, 5)),
            node("d", resources(4000, 8 * GI, 110), resources(3000, 0, 5)));
    List<ReplicaGroup> groups = List.of(group("api", 0, 1, resources(2000, GI, 1)));

    assertThat(AggregateCheck.check(nodes, groups, Headroom.NONE))
        .isEqualTo(
            new AggregateResult(
                resources(2000, GI, 1), resources(4000, 32 * GI, 420), Optional.empty()));
    assertThat(PackingSimulation.run(nodes, groups, Strategy.SPREAD, Headroom.NONE).unplaced())
        .isEqualTo(1);
  }

  @Test
  void countsOnlyNodesSomeGroupMayUseAndNamesTheFirstShortResource() {
    List<SimNode> nodes =
        List.of(
            taintedNode(
                "gpu",
                resources(64_000, 256 * GI, 110),
                new Taint("dedicated", "gpu", "NoSchedule")),
            node("a", resources(4000, 8 * GI, 110), resources(6000, 0, 10)),
            node("b", resources(4000, 8 * GI, 110), resources(1000, 2 * GI, 10)));
    List<ReplicaGroup> groups =
        List.of(
            group("web", 4, resources(1000, 4 * GI, 1), NO_TOLERATIONS, 9),
            group("idle", 0, resources(64_000, 0, 1), NO_TOLERATIONS, 9));

    AggregateResult result = AggregateCheck.check(nodes, groups, Headroom.percentOfCpuAndMemory(5));

    // a is overcommitted on cpu: it gives 0, not -2000m; b gives 4000 - 1000 - 200 = 2800m
    assertThat(result.free()).isEqualTo(resources(2800, 14 * GI - 858_993_460, 200));
    assertThat(result.demand()).isEqualTo(resources(4000, 16 * GI, 4));
    assertThat(result.shortfall()).contains("cpu");
    assertThat(result.passes()).isFalse();
  }
}
