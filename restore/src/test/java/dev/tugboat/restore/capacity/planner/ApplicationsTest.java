package dev.tugboat.restore.capacity.planner;

import static dev.tugboat.restore.capacity.planner.PlannerFixtures.LADDER;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.floors;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.node;
import static dev.tugboat.restore.capacity.planner.PlannerFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.demand.Replicas;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.simulate.Headroom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationsTest {

  private static final MigrationPlan PLAN =
      MigrationPlanParser.parse(
          """
          apiVersion: tugboat.dev/v1
          kind: MigrationPlan
          name: move-shop
          source: {context: primary}
          target: {context: standby}
          namespaceMappings: {shop: shop-dr}
          applications:
          - name: shop
            tier: 1
            selector: {namespaces: [shop]}
          - name: storefront
            tier: 2
            selector:
              namespaces: [shop]
              labelSelector: {matchLabels: {app: storefront}}
          - name: database
            tier: 0
            priority: 10
            selector: {namespaces: [shop], kinds: [StatefulSet]}
          grouping: {label: app.kubernetes.io/part-of, defaultTier: 3}
          """);

  private static final Workload POSTGRES =
      workload("StatefulSet", "shop", "postgres", Replicas.of(1), 500, Map.of("app", "db"));
  private static final Workload WEB =
      workload("Deployment", "shop", "web", Replicas.of(3), 100, Map.of("app", "storefront"));
  private static final Workload CART =
      workload("Deployment", "shop", "cart", Replicas.of(2), 100, Map.of());
  private static final Workload METRICS =
      workload(
          "Deployment",
          "tools",
          "metrics",
          Replicas.of(1),
          100,
          Map.of("app.kubernetes.io/part-of", "monitoring"));
  private static final Workload DEBUG =
      workload("Deployment", "tools", "debug", Replicas.of(1), 100, Map.of());

  @Test
  void theHigherPriorityWinsThenThePlanOrderThenTheGroupingLabel() {
    Applications applications =
        Applications.assign(PLAN, List.of(POSTGRES, WEB, CART, METRICS, DEBUG));

    assertThat(applications.applications())
        .containsExactly(
            new Application(
                "shop",
                1,
                List.of(new MovedWorkload(WEB, "shop-dr"), new MovedWorkload(CART, "shop-dr"))),
            new Application("database", 0, List.of(new MovedWorkload(POSTGRES, "shop-dr"))),
            new Application("monitoring", 3, List.of(new MovedWorkload(METRICS, "tools"))));
    assertThat(applications.unassigned()).containsExactly(DEBUG);
  }

  @Test
  void anUnassignedWorkloadIsReportedNotMoved() {
    MigrationPlan noGrouping =
        MigrationPlanParser.parse(
            """
            apiVersion: tugboat.dev/v1
            kind: MigrationPlan
            name: move-shop
            source: {context: primary}
            target: {context: standby}
            applications:
            - name: shop
              selector: {namespaces: [shop]}
            """);

    Applications applications = Applications.assign(noGrouping, List.of(WEB, METRICS));

    assertThat(applications.applications())
        .containsExactly(new Application("shop", 2, List.of(new MovedWorkload(WEB, "shop"))));
    assertThat(applications.unassigned()).containsExactly(METRICS);
    CapacityPlan plan =
        CapacityPlanner.plan(
            new CapacityInput(
                List.of(node("a", 4000)),
                List.of(),
                Map.of(),
                applications,
                floors(applications.applications(), Map.of()),
                LADDER,
                false,
                Headroom.NONE,
                InsufficientCapacityAction.DOWNGRADE));
    assertThat(plan.unassigned()).containsExactly("Deployment tools/metrics");
    assertThat(CapacityReportText.render(plan))
        .contains("Not moved (no application): Deployment tools/metrics\n");
  }
}
