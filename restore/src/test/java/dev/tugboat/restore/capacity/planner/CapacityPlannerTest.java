package dev.tugboat.restore.capacity.planner;

import static dev.tugboat.restore.capacity.planner.PlannerFixtures.ANYWHERE;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.GI;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.LADDER;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.application;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.daemonSet;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.deployment;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.input;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.node;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.resources;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.taintedNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

  private static final Workload CORE = deployment("shop", "core", 2, 1000);
  private static final Workload CACHE = deployment("shop", "cache", 2, 500);
  private static final Workload BATCH = deployment("shop", "batch", 4, 1000);
  private static final Floor BATCH_FLOOR = new Floor(2, "PodDisruptionBudget batch minAvailable 1");

  /** 7000m of demand on one 4000m node: core 2000m (tier 0), cache 1000m (2), batch 4000m (3). */
  private static CapacityInput sheddingInput(InsufficientCapacityAction action) {
    return input(
        List.of(node("a", 4000)),
        Map.of(),
        List.of(
            application("core", 0, CORE),
            application("cache", 2, CACHE),
            application("batch", 3, BATCH)),
        Map.of(BATCH, BATCH_FLOOR),
        false,
        action);
  }

  @Test
  void everythingFitsAsItIs() {
    CapacityPlan plan =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 4000), node("b", 4000)),
                Map.of(),
                List.of(application("core", 0, CORE), application("cache", 2, CACHE)),
                Map.of(),
                false,
                InsufficientCapacityAction.DOWNGRADE));

    assertThat(plan.verdict()).isEqualTo(Verdict.FITS);
    assertThat(plan.verdict().exitCode()).isZero();
    assertThat(plan.steps()).isEmpty();
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("core", 0, 2, 2, 2, 0, null, false),
            new ApplicationResult("cache", 2, 2, 2, 2, 0, null, false));
    assertThat(plan.checks())
        .containsExactly(
            new Check("quota", true, "every replica admitted"),
            new Check(
                "aggregate",
                true,
                "demand cpu=3 memory=4Gi pods=4, free cpu=8 memory=32Gi pods=220"),
            new Check("spread", true, "4 of 4 admitted replicas placed"),
            new Check("best-fit", true, "optimistic bound: 4 of 4 admitted replicas placed"));
    assertThat(plan.nodes())
        .containsExactly(
            new NodeResult(
                "a",
                Map.of("cpu", 4000L, "memory", 16 * GI, "pods", 110L),
                Map.of(),
                Map.of("cpu", 1500L, "memory", 2 * GI, "pods", 2L)),
            new NodeResult(
                "b",
                Map.of("cpu", 4000L, "memory", 16 * GI, "pods", 110L),
                Map.of(),
                Map.of("cpu", 1500L, "memory", 2 * GI, "pods", 2L)));
    assertThat(plan.bestFitUnplaced()).isZero();
  }

  @Test
  void underPartialTheLadderShedsTierThreeToDeferredAndKeepsTierZeroWhole() {
    CapacityPlan plan = CapacityPlanner.plan(sheddingInput(InsufficientCapacityAction.PARTIAL));

    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.verdict().exitCode()).isEqualTo(3);
    // 0.25 of 4 is 1, below batch's floor of 2: that rung and the floor change nothing.
    assertThat(plan.steps())
        .containsExactly(
            new LadderStep(3, "0.75", List.of(new ReplicaChange("batch", 4, 3))),
            new LadderStep(3, "0.5", List.of(new ReplicaChange("batch", 3, 2))),
            new LadderStep(3, "deferred", List.of(new ReplicaChange("batch", 2, 0))));
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("core", 0, 2, 2, 2, 0, null, false),
            new ApplicationResult("cache", 2, 2, 2, 2, 0, null, false),
            new ApplicationResult("batch", 3, 4, 0, 0, 0, null, true));
  }

  @Test
  void withoutPartialTierThreeStopsAtItsFloorAndTierZeroIsNeverTouched() {
    CapacityPlan plan = CapacityPlanner.plan(sheddingInput(InsufficientCapacityAction.DOWNGRADE));

    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(plan.verdict().exitCode()).isEqualTo(4);
    assertThat(plan.steps())
        .containsExactly(
            new LadderStep(3, "0.75", List.of(new ReplicaChange("batch", 4, 3))),
            new LadderStep(3, "0.5", List.of(new ReplicaChange("batch", 3, 2))),
            new LadderStep(2, "0.5", List.of(new ReplicaChange("cache", 2, 1))));
    // Placed tier first: core and cache take 2500m, batch gets one of its two floor replicas.
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("core", 0, 2, 2, 2, 0, null, false),
            new ApplicationResult("cache", 2, 2, 1, 1, 0, null, false),
            new ApplicationResult("batch", 3, 4, 2, 1, 1, "cpu", false));
    // What a migration creates, workload by workload, and what the ladder may still take.
    assertThat(plan.workloads())
        .containsExactly(
            new WorkloadResult("core", "Deployment", "shop", "shop", "core", 2, 1, 2, 2, false),
            new WorkloadResult("cache", "Deployment", "shop", "shop", "cache", 2, 1, 1, 1, false),
            new WorkloadResult("batch", "Deployment", "shop", "shop", "batch", 4, 2, 2, 1, false));
    assertThat(plan.checks().get(2))
        .isEqualTo(new Check("spread", false, "4 of 5 admitted replicas placed"));
  }

  @Test
  void tierTwoStepsFromOneToThreeQuartersToAHalf() {
    Workload web = deployment("shop", "web", 8, 500);
    Workload api = deployment("shop", "api", 3, 500);

    CapacityPlan plan =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 4000)),
                Map.of(),
                List.of(application("web", 2, web), application("api", 2, api)),
                Map.of(),
                false,
                InsufficientCapacityAction.DOWNGRADE));

    // 1.0: 11 x 500m; 0.75: web 6, api ceil(2.25) = 3, 4500m; 0.5: web 4, api 2, 3000m.
    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.steps())
        .containsExactly(
            new LadderStep(2, "0.75", List.of(new ReplicaChange("web", 8, 6))),
            new LadderStep(
                2, "0.5", List.of(new ReplicaChange("web", 6, 4), new ReplicaChange("api", 3, 2))));
    assertThat(plan.applications())
        .containsExactly(
            new ApplicationResult("web", 2, 8, 4, 4, 0, null, false),
            new ApplicationResult("api", 2, 3, 2, 2, 0, null, false));
  }

  @Test
  void theFloorFromFloorIsTheLastRung() {
    Workload web = deployment("shop", "web", 8, 1000);

    CapacityPlan plan =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 4000)),
                Map.of(),
                List.of(application("web", 1, web)),
                Map.of(web, new Floor(5, "HorizontalPodAutoscaler web minReplicas 5")),
                false,
                InsufficientCapacityAction.PARTIAL));

    // 0.75 gives 6, then 0.5 and 0.25 give the floor, 5: still 1000m too much.
    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(plan.steps())
        .containsExactly(
            new LadderStep(1, "0.75", List.of(new ReplicaChange("web", 8, 6))),
            new LadderStep(1, "0.5", List.of(new ReplicaChange("web", 6, 5))));
    assertThat(plan.applications())
        .containsExactly(new ApplicationResult("web", 1, 8, 5, 4, 1, "cpu", false));
    assertThat(CapacityReportText.render(plan).lines().findFirst())
        .contains(
            "DOES_NOT_FIT (exit 4): 1 replica(s) do not fit even at the floors;"
                + " partial: 4 of 5 planned replicas would be placed");
  }

  @Test
  void tierZeroIsSteppedDownOnlyWhenThePlanAllowsCoreDegrade() {
    Workload core = deployment("shop", "core", 6, 1000);
    List<Application> applications = List.of(application("core", 0, core));
    Map<Workload, Floor> floors = Map.of(core, new Floor(2, "plan minReplicas"));

    CapacityPlan untouched =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 4000)),
                Map.of(),
                applications,
                floors,
                false,
                InsufficientCapacityAction.PARTIAL));
    CapacityPlan degraded =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 4000)),
                Map.of(),
                applications,
                floors,
                true,
                InsufficientCapacityAction.PARTIAL));

    assertThat(untouched.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(untouched.steps()).isEmpty();
    assertThat(untouched.applications())
        .containsExactly(new ApplicationResult("core", 0, 6, 6, 4, 2, "cpu", false));
    assertThat(degraded.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(degraded.steps())
        .containsExactly(
            new LadderStep(0, "0.75", List.of(new ReplicaChange("core", 6, 5))),
            new LadderStep(0, "0.5", List.of(new ReplicaChange("core", 5, 3))));
    assertThat(degraded.applications())
        .containsExactly(new ApplicationResult("core", 0, 6, 3, 3, 0, null, false));
  }

  @Test
  void theQuotaBindsBeforeTheNodes() {
    Workload web = deployment("shop", "web", 4, 1000);

    CapacityPlan plan =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 8000), node("b", 8000)),
                Map.of(
                    "shop",
                    new NamespaceQuota(
                        Map.of("requests.cpu", 3000L, "pods", 10L),
                        ResourceVector.of("requests.cpu", 1000L))),
                List.of(application("web", 0, web)),
                Map.of(),
                false,
                InsufficientCapacityAction.DOWNGRADE));

    assertThat(plan.verdict()).isEqualTo(Verdict.DOES_NOT_FIT);
    assertThat(plan.applications())
        .containsExactly(new ApplicationResult("web", 0, 4, 4, 2, 2, "quota:requests.cpu", false));
    assertThat(plan.checks().get(0))
        .isEqualTo(
            new Check("quota", false, "shop/web: 2 of 4 replicas admitted (quota:requests.cpu)"));
    assertThat(plan.checks().get(2))
        .isEqualTo(new Check("spread", true, "2 of 2 admitted replicas placed"));
  }

  @Test
  void daemonSetsRunOnEveryEligibleNodeAndAreNotDegraded() {
    Workload agent = daemonSet("shop", "agent", 200);
    Workload web = deployment("shop", "web", 8, 500);

    CapacityPlan plan =
        CapacityPlanner.plan(
            input(
                List.of(node("a", 2000), node("b", 2000), taintedNode("gpu", 2000)),
                Map.of(),
                List.of(application("web", 2, web, agent)),
                Map.of(),
                false,
                InsufficientCapacityAction.DOWNGRADE));

    // Two eligible nodes: 400m of agents; web's 4000m does not fit on a and b, 3000m does.
    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.steps())
        .containsExactly(new LadderStep(2, "0.75", List.of(new ReplicaChange("web", 10, 8))));
    assertThat(plan.applications())
        .containsExactly(new ApplicationResult("web", 2, 10, 8, 8, 0, null, false));
  }

  /**
   * Pending pods of another namespace, 3 of 2000m, take a (two of them, ties going to the earlier
   * node) and half of b before the applications; one of 8000m fits nowhere and takes nothing. Web's
   * 4 replicas of 1000m then find 2000m on b: tier 2 steps down to 0.5.
   */
  @Test
  void pendingPodsArePlacedFirstAndTakeRoomFromTheApplications() {
    Workload web = deployment("shop", "web", 4, 1000);
    List<Application> applications = List.of(application("web", 2, web));
    CapacityInput input =
        new CapacityInput(
            List.of(node("a", 4000), node("b", 4000)),
            List.of(
                new ReplicaGroup(
                    "pending pods", "other", 0, 3, resources(2000, 1, 1), ANYWHERE, 1000),
                new ReplicaGroup(
                    "pending pods", "other", 0, 1, resources(8000, 1, 1), ANYWHERE, 1000)),
            Map.of(),
            new Applications(applications, List.of()),
            PlannerFixtures.floors(applications, Map.of()),
            LADDER,
            false,
            Headroom.NONE,
            InsufficientCapacityAction.DOWNGRADE);

    CapacityPlan plan = CapacityPlanner.plan(input);

    assertThat(plan.pendingPods()).isEqualTo(new PendingPods(4, 3));
    assertThat(plan.verdict()).isEqualTo(Verdict.FITS_WITH_DOWNGRADE);
    assertThat(plan.steps())
        .containsExactly(
            new LadderStep(2, "0.75", List.of(new ReplicaChange("web", 4, 3))),
            new LadderStep(2, "0.5", List.of(new ReplicaChange("web", 3, 2))));
    assertThat(plan.applications())
        .containsExactly(new ApplicationResult("web", 2, 4, 2, 2, 0, null, false));
    assertThat(plan.nodes())
        .containsExactly(
            new NodeResult(
                "a",
                Map.of("cpu", 4000L, "memory", 16 * GI, "pods", 110L),
                Map.of(),
                Map.of("cpu", 4000L, "memory", 2 * GI, "pods", 2L)),
            new NodeResult(
                "b",
                Map.of("cpu", 4000L, "memory", 16 * GI, "pods", 110L),
                Map.of(),
                Map.of("cpu", 4000L, "memory", 3 * GI, "pods", 3L)));
    assertThat(plan.toJson())
        .contains(
            """
              "pendingPods": {
                "found": 4,
                "placed": 3
              },
            """);
    assertThat(CapacityReportText.render(plan))
        .contains("\nPending pods: 4 found in the target, 3 placed ahead of the applications\n");
  }

  @Test
  void withoutPendingPodsThePlanSaysNoneWereFound() {
    CapacityPlan plan = CapacityPlanner.plan(sheddingInput(InsufficientCapacityAction.DOWNGRADE));

    assertThat(plan.pendingPods()).isEqualTo(PendingPods.NONE);
    assertThat(CapacityReportText.render(plan)).doesNotContain("Pending pods");
  }

  @Test
  void theSameInputGivesTheSamePlan() {
    CapacityInput input = sheddingInput(InsufficientCapacityAction.DOWNGRADE);

    CapacityPlan first = CapacityPlanner.plan(input);
    CapacityPlan second = CapacityPlanner.plan(input);

    assertThat(second).isEqualTo(first);
    assertThat(second.toJson()).isEqualTo(first.toJson());
  }

  @Test
  void aWorkloadWithoutAFloorIsNamed() {
    CapacityInput input =
        new CapacityInput(
            List.of(node("a", 4000)),
            List.of(),
            Map.of(),
            new Applications(List.of(application("core", 0, CORE)), List.of()),
            Map.of(),
            LADDER,
            false,
            Headroom.NONE,
            InsufficientCapacityAction.DOWNGRADE);

    assertThatThrownBy(() -> CapacityPlanner.plan(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Deployment shop/core has no floor");
  }
}
