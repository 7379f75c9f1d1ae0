package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.LadderStep;
import dev.tugboat.restore.capacity.planner.PendingPods;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationPlanTest {

  private static final MigrationPlan PLAN =
      MigrationPlanParser.parse(
          """
          apiVersion: tugboat.dev/v1
          kind: MigrationPlan
          name: move-shop
          source: {context: primary}
          target: {context: standby}
          onInsufficientCapacity: partial
          grouping: {label: app.kubernetes.io/part-of, defaultTier: 3}
          applications:
          - name: shop
            tier: 1
            selector: {namespaces: [shop, payments]}
          - name: settings
            tier: 2
            selector: {namespaces: [config]}
          """);

  private static final WorkloadResult SHOP_WEB =
      workload("shop", "Deployment", "shop", "web", 4, 2);
  private static final WorkloadResult SHOP_DB =
      workload("shop", "StatefulSet", "payments", "db", 3, 3);
  private static final WorkloadResult ETL =
      workload("analytics", "Deployment", "analytics-b", "etl", 2, 0);
  private static final WorkloadResult UI =
      workload("analytics", "Deployment", "analytics-a", "ui", 1, 0);
  private static final WorkloadResult CRON =
      workload("analytics", "Deployment", "analytics-b", "cron", 1, 0);
  private static final WorkloadResult SEARCH =
      workload("search", "Deployment", "search", "api", 2, 2);

  /** As the planner would answer: derived applications first, the listed ones out of order. */
  private static final CapacityPlan CAPACITY =
      new CapacityPlan(
          Verdict.FITS_WITH_DOWNGRADE,
          "partial",
          "5% of cpu and memory",
          PendingPods.NONE,
          List.of(),
          List.of(
              new LadderStep(1, "0.75", List.of()),
              new LadderStep(3, "0.5", List.of()),
              new LadderStep(1, "0.5", List.of()),
              new LadderStep(3, "deferred", List.of())),
          List.of(
              new ApplicationResult("analytics", 3, 4, 0, 0, 0, null, true),
              new ApplicationResult("settings", 2, 0, 0, 0, 0, null, false),
              new ApplicationResult("shop", 1, 7, 5, 5, 0, null, false),
              new ApplicationResult("search", 2, 2, 2, 2, 0, null, false)),
          List.of(ETL, SHOP_WEB, UI, SEARCH, SHOP_DB, CRON),
          List.of("Deployment tools/debug"),
          List.of(),
          0);

  private static WorkloadResult workload(
      String application, String kind, String namespace, String name, int source, int planned) {
    return new WorkloadResult(
        application, kind, namespace, namespace + "-dr", name, source, 1, planned, planned, false);
  }

  @Test
  void listsTheListedApplicationsInPlanOrderThenTheDerivedOnes() {
    assertThat(ApplicationPlan.of(PLAN, CAPACITY))
        .containsExactly(
            new ApplicationPlan(
                "shop", 1, false, "0.5", List.of("shop", "payments"), List.of(SHOP_WEB, SHOP_DB)),
            new ApplicationPlan("settings", 2, false, "1.0", List.of("config"), List.of()),
            new ApplicationPlan(
                "analytics",
                3,
                true,
                "deferred",
                List.of("analytics-a", "analytics-b"),
                List.of(ETL, UI, CRON)),
            new ApplicationPlan("search", 2, false, "1.0", List.of("search"), List.of(SEARCH)));
  }

  @Test
  void aListedApplicationTheCapacityPlanDeferredIsDeferred() {
    CapacityPlan shopDeferred =
        new CapacityPlan(
            Verdict.FITS_WITH_DOWNGRADE,
            "partial",
            "5% of cpu and memory",
            PendingPods.NONE,
            List.of(),
            List.of(),
            List.of(new ApplicationResult("shop", 1, 7, 0, 0, 0, null, true)),
            List.of(SHOP_WEB, SHOP_DB),
            List.of(),
            List.of(),
            0);

    List<ApplicationPlan> plans = ApplicationPlan.of(PLAN, shopDeferred);

    assertThat(plans).extracting(ApplicationPlan::name).containsExactly("shop", "settings");
    assertThat(plans).extracting(ApplicationPlan::deferred).containsExactly(true, false);
    assertThat(plans).extracting(ApplicationPlan::rung).containsExactly("1.0", "1.0");
  }

  @Test
  void sumsTheSourceAndPlannedReplicasOfItsWorkloads() {
    List<ApplicationPlan> plans = ApplicationPlan.of(PLAN, CAPACITY);

    assertThat(plans).extracting(ApplicationPlan::sourceReplicas).containsExactly(7, 0, 4, 2);
    assertThat(plans).extracting(ApplicationPlan::plannedReplicas).containsExactly(5, 0, 0, 2);
  }
}
