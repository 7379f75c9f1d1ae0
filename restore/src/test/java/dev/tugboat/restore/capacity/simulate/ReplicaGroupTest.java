package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.cpu;
import static dev.tugboat.restore.capacity.simulate.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaGroupTest {

  @Test
  void aReplicaIsOnePodEvenWhenTheRequestsSayNothing() {
    ReplicaGroup web = group("web", 0, 3, cpu(250));

    assertThat(web.perReplica()).isEqualTo(ResourceVector.of(Map.of("cpu", 250L, "pods", 1L)));
    assertThat(web.demand()).isEqualTo(ResourceVector.of(Map.of("cpu", 750L, "pods", 3L)));
    assertThat(web.name()).isEqualTo("shop/web");
  }

  @Test
  void refusesValuesThatCannotBeNamingTheGroup() {
    assertThatThrownBy(() -> group("web", 0, -1, cpu(1)))
        .hasMessage("shop/web: replicas must not be negative, got -1");
    assertThatThrownBy(() -> group("web", 0, 1, ResourceVector.of("pods", 2L)))
        .hasMessage("shop/web: a replica is one pod, not pods=2");
    assertThatThrownBy(() -> group("web", 0, 1, cpu(-5)))
        .hasMessage("shop/web: negative request of cpu: -5");
    assertThatThrownBy(() -> group("web", 1, cpu(1), NodeEligibility.ANY, 0))
        .hasMessage("shop/web: maxPerNode must be at least 1, got 0");
  }
}
