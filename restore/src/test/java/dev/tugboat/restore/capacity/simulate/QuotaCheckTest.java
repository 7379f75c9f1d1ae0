package dev.tugboat.restore.capacity.simulate;

import static dev.tugboat.restore.capacity.simulate.Fixtures.GI;
import static dev.tugboat.restore.capacity.simulate.Fixtures.cpu;
import static dev.tugboat.restore.capacity.simulate.Fixtures.group;
import static dev.tugboat.restore.capacity.simulate.Fixtures.node;
import static dev.tugboat.restore.capacity.simulate.Fixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.PackingSimulation.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotaCheckTest {

  @Test
  void aQuotaBindsBeforeTheNodes() {
    ReplicaGroup api = group("api", 0, 4, resources(1000, GI, 1));
    List<SimNode> nodes =
        List.of(
            node("a", resources(4000, 8 * GI, 110), ResourceVector.ZERO),
            node("b", resources(4000, 8 * GI, 110), ResourceVector.ZERO));

    List<QuotaAdmission> admissions =
        QuotaCheck.admit(
            Map.of("requests.cpu", 3000L, "requests.memory", 10 * GI, "pods", 20L),
            ResourceVector.of(Map.of("requests.cpu", 1000L, "pods", 2L)),
            List.of(api));

    assertThat(admissions)
        .containsExactly(new QuotaAdmission(api, 2, Optional.of("quota:requests.cpu")));
    assertThat(
            PackingSimulation.run(nodes, List.of(api), Strategy.SPREAD, Headroom.NONE).unplaced())
        .isZero();
  }

  @Test
  void admitsGroupsInTheOrderGivenFromWhatIsLeft() {
    ReplicaGroup core = group("core", 0, 3, resources(100, GI, 1));
    ReplicaGroup batch = group("batch", 3, 4, resources(100, GI, 1));
    ReplicaGroup idle = group("idle", 3, 0, resources(100, GI, 1));

    assertThat(
            QuotaCheck.admit(
                Map.of("count/pods", 5L), ResourceVector.ZERO, List.of(core, batch, idle)))
        .containsExactly(
            new QuotaAdmission(core, 3, Optional.empty()),
            new QuotaAdmission(batch, 2, Optional.of("quota:count/pods")),
            new QuotaAdmission(idle, 0, Optional.empty()));
  }

  @Test
  void aHardLimitOfZeroForbidsAndAnOverspentQuotaAdmitsNothing() {
    ReplicaGroup trainer =
        group("trainer", 0, 2, ResourceVector.of(Map.of("cpu", 500L, "nvidia.com/gpu", 1L)));

    assertThat(
            QuotaCheck.admit(
                Map.of("requests.nvidia.com/gpu", 0L, "limits.cpu", 1L),
                ResourceVector.ZERO,
                List.of(trainer)))
        .containsExactly(
            new QuotaAdmission(trainer, 0, Optional.of("quota:requests.nvidia.com/gpu")));
    assertThat(
            QuotaCheck.admit(
                Map.of("memory", 4 * GI),
                ResourceVector.of("memory", 5 * GI),
                List.of(group("web", 0, 1, resources(100, GI, 1)))))
        .extracting(QuotaAdmission::admitted, QuotaAdmission::binding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, Optional.of("quota:memory")));
  }

  @Test
  void aReplicaCountsAgainstRequestsPodsAndTheBareKeys() {
    assertThat(
            QuotaCheck.chargeOf(
                    ResourceVector.of(
                        Map.of("cpu", 250L, "memory", GI, "hugepages-2Mi", 4L, "pods", 1L)))
                .amounts())
        .containsExactly(
            Map.entry("count/pods", 1L),
            Map.entry("cpu", 250L),
            Map.entry("memory", GI),
            Map.entry("pods", 1L),
            Map.entry("requests.cpu", 250L),
            Map.entry("requests.hugepages-2Mi", 4L),
            Map.entry("requests.memory", GI));
  }

  @Test
  void refusesGroupsOfSeveralNamespaces() {
    ReplicaGroup other =
        new ReplicaGroup(
            "api", "billing", 0, 1, cpu(100), NodeEligibility.ANY, ReplicaGroup.NO_PER_NODE_LIMIT);

    assertThatThrownBy(
            () ->
                QuotaCheck.admit(
                    Map.of(), ResourceVector.ZERO, List.of(group("web", 0, 1, cpu(100)), other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a quota covers one namespace, but groups shop/web and billing/api are in different"
                + " ones");
  }
}
