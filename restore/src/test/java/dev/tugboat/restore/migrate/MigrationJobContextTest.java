package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.LadderStep;
import dev.tugboat.restore.capacity.planner.PendingPods;
import dev.tugboat.restore.capacity.planner.ReplicaChange;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.migrate.cutover.CutoverAction;
import dev.tugboat.restore.migrate.cutover.CutoverOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What the migration's steps hand on through the job's execution context survives the trip. */
class MigrationJobContextTest {

  private static final WorkloadResult WEB =
      new WorkloadResult("shop", "Deployment", "shop", "shop-dr", "web", 4, 1, 3, 3, false);

  static final List<ApplicationPlan> APPLICATIONS =
      List.of(
          new ApplicationPlan("shop", 1, false, "0.75", List.of("shop"), List.of(WEB)),
          new ApplicationPlan("settings", 2, false, "1.0", List.of("config"), List.of()),
          new ApplicationPlan("etl", 3, true, "deferred", List.of("etl"), List.of()));

  @Test
  void theApplicationsRoundTrip() {
    ExecutionContext context = new ExecutionContext();

    MigrationJobContext.saveApplications(context, APPLICATIONS);

    assertThat(MigrationJobContext.applications(context)).isEqualTo(APPLICATIONS);
  }

  @Test
  void theApplicationsBeforeTheCapacityStepAreAnError() {
    assertThatThrownBy(() -> MigrationJobContext.applications(new ExecutionContext()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the migration has no capacity plan: its step did not run");
  }

  @Test
  void theCapacityPlanRoundTripsFromItsJson() {
    CapacityPlan capacity =
        new CapacityPlan(
            Verdict.FITS_WITH_DOWNGRADE,
            "downgrade",
            "5% of cpu and memory",
            PendingPods.NONE,
            List.of(),
            List.of(new LadderStep(1, "0.75", List.of(new ReplicaChange("shop", 4, 3)))),
            List.of(new ApplicationResult("shop", 1, 4, 3, 3, 0, null, false)),
            List.of(WEB),
            List.of("Deployment tools/debug"),
            List.of(),
            0);
    ExecutionContext context = new ExecutionContext();
    // Karmada mode keeps none
    assertThat(MigrationJobContext.capacity(context)).isEmpty();
    // as the capacity step keeps it
    context.putString(MigrationJobContext.CAPACITY, capacity.toJson());

    assertThat(MigrationJobContext.capacity(context)).hasValue(capacity);
  }

  @Test
  void theCutoverRoundTripsAndIsEmptyBeforeItRan() {
    ExecutionContext context = new ExecutionContext();
    assertThat(MigrationJobContext.cutover(context)).isEmpty();
    List<CutoverRecord> records =
        List.of(
            new CutoverRecord(
                "shop",
                List.of(
                    new CutoverAction(
                        "Deployment", "shop", "web", CutoverOutcome.QUIESCED, "replicas 4 -> 0"),
                    new CutoverAction(
                        "ClusterRole", null, "shop-reader", CutoverOutcome.NOT_FOUND, ""))));

    MigrationJobContext.saveCutover(context, records, "quiesced 1 application");

    assertThat(MigrationJobContext.cutover(context)).isEqualTo(records);
    assertThat(context.getString(MigrationJobContext.CUTOVER_RESULT))
        .isEqualTo("quiesced 1 application");
  }

  @Test
  void theReportIsReadBackFromAFinishedExecutionOnly() {
    JobExecution execution =
        new JobExecution(1L, new JobInstance(1L, "migration"), new JobParameters());
    assertThat(MigrationJobContext.report(execution)).isEmpty();
    MigrationReport report =
        new MigrationReport(
            "move-shop",
            "offline",
            MigrationPhase.COMPLETED,
            "nightly",
            "standby",
            "2026-11-23T07:00:00Z",
            "2026-11-23T07:10:00Z",
            "FITS",
            List.of(),
            "none",
            "none: offline",
            List.of(),
            List.of());

    execution.getExecutionContext().putString(MigrationJobContext.REPORT, report.toJson());

    assertThat(MigrationJobContext.report(execution)).contains(report);
  }
}
