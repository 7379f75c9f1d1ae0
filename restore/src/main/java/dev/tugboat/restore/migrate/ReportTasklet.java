package dev.tugboat.restore.migrate;

import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The migration's last step (issue 7 step 8): the report, from every application's outcome and the
 * cutover, kept in the job and written beside the backup the applications came from.
 */
final class ReportTasklet implements Tasklet {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  /** Where a test may crash the process: every application and the cutover done, no report. */
  static final String CRASH_POINT = "migration.before-report";

  private final MigrationRun run;
  private final BackupStore store;
  private final JobRepository jobRepository;
  private final Clock clock;

  ReportTasklet(MigrationRun run, BackupStore store, JobRepository jobRepository, Clock clock) {
    this.run = run;
    this.store = store;
    this.jobRepository = jobRepository;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    JobExecution jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
    ExecutionContext job = jobExecution.getExecutionContext();
    CrashPoint.reach(CRASH_POINT);
    MigrationReport report = report(jobExecution, job);
    store.write(StoreLayout.migrationReport(run.sourceBackup(), run.id(), "json"), report);
    store.write(
        StoreLayout.migrationReport(run.sourceBackup(), run.id(), "html"),
        new MigrationHtml(report));
    job.putString(MigrationJobContext.REPORT, report.toJson());
    RUNBOOK.info(
        "{}: {}: {} migrated, {} degraded, {} deferred, {} failed; cutover: {}",
        run.id(),
        report.phase().word(),
        report.count(ApplicationStatus.MIGRATED),
        report.count(ApplicationStatus.DEGRADED),
        report.count(ApplicationStatus.DEFERRED),
        report.count(ApplicationStatus.FAILED),
        report.cutoverResult());
    return RepeatStatus.FINISHED;
  }

  private MigrationReport report(JobExecution jobExecution, ExecutionContext job) {
    Map<String, ApplicationOutcome> outcomes =
        MigrationJobContext.outcomes(jobRepository, jobExecution);
    List<ApplicationOutcome> applications = new ArrayList<>();
    for (ApplicationPlan application : MigrationJobContext.applications(job)) {
      ApplicationOutcome outcome = outcomes.get(application.name());
      if (outcome == null) {
        throw new IllegalStateException(
            "application '" + application.name() + "' has no outcome: its step did not run");
      }
      applications.add(outcome);
    }
    applications.sort(Comparator.comparingInt(ApplicationOutcome::tier));
    String cutoverResult = job.getString(MigrationJobContext.CUTOVER_RESULT);
    Optional<CapacityPlan> capacity = MigrationJobContext.capacity(job);
    return new MigrationReport(
        run.id(),
        run.plan().mode().name().toLowerCase(Locale.ROOT),
        MigrationReport.phaseOf(applications, cutoverResult.startsWith("failed")),
        run.sourceBackup(),
        run.plan().target().cluster().context(),
        job.getString(MigrationJobContext.STARTED),
        clock.instant().toString(),
        capacity.map(plan -> plan.verdict().name()).orElse("NOT_CHECKED"),
        applications,
        run.online() ? run.plan().cutover().yamlName() : "none",
        cutoverResult,
        MigrationJobContext.cutover(job),
        capacity.map(CapacityPlan::unassigned).orElse(List.of()));
  }
}
