package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.GI;
import static dev.tugboat.restore.capacity.simulate.Fixtures.node;
import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadroomTest {

  @Test
  void aPercentageReservesCpuAndMemoryRoundedUpButNotPods() {
    assertThat(Headroom.percentOfCpuAndMemory(5).reservedOn(resources(3900, 8 * GI, 110)))
        .isEqualTo(ResourceVector.of(Map.of("cpu", 195L, "memory", 429_496_730L)));
    assertThat(Headroom.percentOfCpuAndMemory(5).reservedOn(resources(3910, 0, 110)))
        .isEqualTo(ResourceVector.of("cpu", 196L));
  }

  @Test
  void aFixedAmountIsReservedOnEveryNode() {
    Headroom headroom = Headroom.perNode(resources(500, GI, 0));

    assertThat(node("a", resources(4000, 8 * GI, 110), resources(1000, GI, 3)).free(headroom))
        .isEqualTo(resources(2500, 6 * GI, 107));
    assertThat(Headroom.NONE.reservedOn(resources(4000, 8 * GI, 110)))
        .isEqualTo(ResourceVector.ZERO);
  }

  @Test
  void refusesAPercentageOutsideZeroToAHundred() {
    assertThatThrownBy(() -> Headroom.percentOfCpuAndMemory(101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headroom must be 0% to 100%, not 101%");
  }
}
