package dev.tugboat.restore.capacity.planner;

import static dev.tugboat.restore.capacity.planner.PlannerFixtures.LADDER;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.application;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report of one known plan: a node with pods already bound, tier 0 kept whole, tier 3 stopped
 * at its floor (2, plan minReplicas) with one replica still unplaced, and an unassigned workload.
 */
class CapacityReportTest {

  private static CapacityPlan plan() {
    Workload core = deployment("shop", "core", 2, 1000);
    Workload batch = deployment("shop", "batch", 4, 1000);
    List<Application> applications =
        List.of(application("core", 0, core), application("batch-jobs", 3, batch));
    SimNode node =
        new SimNode(
            new NodeShape("node-a", Map.of(), List.of()),
            PlannerFixtures.resources(4000, 16, 110),
            // 1.5Gi of memory bound, which the report writes in Mi.
            PlannerFixtures.resources(500, 1, 3).plus(ResourceVector.of("memory", 512L << 20)));
    return CapacityPlanner.plan(
        new CapacityInput(
            List.of(node),
            List.of(),
            Map.of(),
            new Applications(applications, List.of(deployment("tools", "debug", 1, 100))),
            PlannerFixtures.floors(applications, Map.of(batch, new Floor(2, "plan minReplicas"))),
            LADDER,
            false,
            Headroom.NONE,
            InsufficientCapacityAction.DOWNGRADE));
  }

  @Test
  void printsTheVerdictTheChecksTheStepsAndAlignedTables() {
    assertThat(CapacityReportText.render(plan()))
        .isEqualTo(
            """
            DOES_NOT_FIT (exit 4): 1 replica(s) do not fit even at the floors
            Checks:
              CHECK      RESULT  REASON
              quota      ok      every replica admitted
              aggregate  FAIL    short of cpu: demand cpu=4 memory=4Gi pods=4, free cpu=3500m memory=14848Mi pods=107
              spread     FAIL    3 of 4 admitted replicas placed
              best-fit   FAIL    optimistic bound: 3 of 4 admitted replicas placed
            Ladder steps:
              1. tier 3 to 0.75: batch-jobs 4->3
              2. tier 3 to 0.5: batch-jobs 3->2
            Not moved (no application): Deployment tools/debug

            APP         TIER  SOURCE  PLANNED  PLACED  UNPLACED  BINDING
            core        0     2       2        2       0         -
            batch-jobs  3     4       2        1       1         cpu

            NODE    CPU            MEMORY               PODS
            node-a  500m->3500m/4  1536Mi->4608Mi/16Gi  3->6/110
            """);
  }

  @Test
  void theJsonFormHasEveryFieldAndLeavesOutAMissingBinding() {
    assertThat(plan().toJson())
        .isEqualTo(
            """
            {
              "verdict": "DOES_NOT_FIT",
              "onInsufficientCapacity": "downgrade",
              "headroom": "none",
              "pendingPods": {
                "found": 0,
                "placed": 0
              },
              "checks": [
                {
                  "name": "quota",
                  "passed": true,
                  "reason": "every replica admitted"
                },
                {
                  "name": "aggregate",
                  "passed": false,
                  "reason": "short of cpu: demand cpu=4 memory=4Gi pods=4, free cpu=3500m memory=14848Mi pods=107"
                },
                {
                  "name": "spread",
                  "passed": false,
                  "reason": "3 of 4 admitted replicas placed"
                },
                {
                  "name": "best-fit",
                  "passed": false,
                  "reason": "optimistic bound: 3 of 4 admitted replicas placed"
                }
              ],
              "steps": [
                {
                  "tier": 3,
                  "rung": "0.75",
                  "changes": [
                    {
                      "application": "batch-jobs",
                      "from": 4,
                      "to": 3
                    }
                  ]
                },
                {
                  "tier": 3,
                  "rung": "0.5",
                  "changes": [
                    {
                      "application": "batch-jobs",
                      "from": 3,
                      "to": 2
                    }
                  ]
                }
              ],
              "applications": [
                {
                  "name": "core",
                  "tier": 0,
                  "sourceReplicas": 2,
                  "plannedReplicas": 2,
                  "placed": 2,
                  "unplaced": 0,
                  "deferred": false
                },
                {
                  "name": "batch-jobs",
                  "tier": 3,
                  "sourceReplicas": 4,
                  "plannedReplicas": 2,
                  "placed": 1,
                  "unplaced": 1,
                  "binding": "cpu",
                  "deferred": false
                }
              ],
              "workloads": [
                {
                  "application": "core",
                  "kind": "Deployment",
                  "namespace": "shop",
                  "targetNamespace": "shop",
                  "name": "core",
                  "sourceReplicas": 2,
                  "floor": 1,
                  "plannedReplicas": 2,
                  "placed": 2,
                  "onePerEligibleNode": false
                },
                {
                  "application": "batch-jobs",
                  "kind": "Deployment",
                  "namespace": "shop",
                  "targetNamespace": "shop",
                  "name": "batch",
                  "sourceReplicas": 4,
                  "floor": 2,
                  "plannedReplicas": 2,
                  "placed": 1,
                  "onePerEligibleNode": false
                }
              ],
              "unassigned": [
                "Deployment tools/debug"
              ],
              "nodes": [
                {
                  "node": "node-a",
                  "allocatable": {
                    "cpu": 4000,
                    "memory": 17179869184,
                    "pods": 110
                  },
                  "before": {
                    "cpu": 500,
                    "memory": 1610612736,
                    "pods": 3
                  },
                  "after": {
                    "cpu": 3500,
                    "memory": 4831838208,
                    "pods": 6
                  }
                }
              ],
              "bestFitUnplaced": 1
            }""");
  }
}
