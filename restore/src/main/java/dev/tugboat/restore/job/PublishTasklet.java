package dev.tugboat.restore.job;

import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.ledger.RestoreLedger;
import dev.tugboat.restore.report.RestoreRecords;
import dev.tugboat.restore.report.RestoreReport;
import dev.tugboat.restore.report.RestoreResourceList;
import dev.tugboat.restore.report.RestoreSummary;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: reads the item ledger and writes the restore's records in Velero's layout
 * (results, resource list, log), then {@code tugboat-restore.json} last. A dry run writes nothing
 * to the store. Either way the summary is kept in the job's execution context for the command to
 * print. Every file is written whole from the ledger, so a publish redone after a crash rewrites
 * the same records.
 */
final class PublishTasklet implements Tasklet {

  /** Where the summary is kept in the job's execution context. */
  static final String SUMMARY_KEY = "restore.summary";

  /** The exit status of a restore with errors. */
  static final String PARTIALLY_FAILED = "PARTIALLY_FAILED";

  /** The crash point after the Velero records are written, before the summary. */
  static final String CRASH_POINT = "restore.before-summary";

  private final JobRepository jobRepository;
  private final RestoreRun run;
  private final RestoreRequest request;
  private final BackupStore store;
  private final Clock clock;

  PublishTasklet(JobRepository jobRepository, RestoreRun run, BackupStore store, Clock clock) {
    this.jobRepository = jobRepository;
    this.run = run;
    this.request = run.request();
    this.store = store;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    RestoreJobContext plan = RestoreJobContext.from(job.getExecutionContext());
    RestoreLedger ledger = RestoreJobFactory.ledger(run, store, job);
    RestoreReport report = new RestoreReport(request.name(), clock);
    RestoreResourceList resources = new RestoreResourceList();
    Map<Disposition, Long> counts = new EnumMap<>(Disposition.class);
    report.info(
        "Restoring backup "
            + request.backup()
            + (request.dryRun() ? " (dry run: nothing is written)" : ""));
    for (String step : List.of(RestoreJobFactory.CRDS_STEP, RestoreJobFactory.APPLY_STEP)) {
      ledger.read(
          step,
          LedgerCounts.of(jobRepository, job, step).chunks(),
          entry -> {
            counts.merge(entry.disposition(), 1L, Long::sum);
            record(entry, report, resources);
          });
    }
    for (String definition : notEstablished(job)) {
      report.restoreError(
          "CustomResourceDefinition "
              + definition
              + " did not become Established in time; its custom resources may fail");
    }
    Map<String, Long> items = new LinkedHashMap<>();
    counts.forEach((disposition, count) -> items.put(disposition.word(), count));
    RestoreSummary summary =
        new RestoreSummary(
            request.name(),
            request.backup(),
            report.phase().veleroName(),
            request.dryRun(),
            // Whole seconds, as Velero's timestamps.
            plan.started().truncatedTo(ChronoUnit.SECONDS).toString(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
            items,
            report.warnings(),
            report.errors(),
            request.namespaceMapping(),
            request.existingResourcePolicy().cliName(),
            plan.run());
    report.info("Restore " + summary.phase() + ": " + items);
    if (!request.dryRun()) {
      RestoreRecords.publish(store, request.name(), report, resources);
      CrashPoint.reach(CRASH_POINT);
      store.write(StoreLayout.restoreSummary(request.name()), summary);
    }
    job.getExecutionContext().putString(SUMMARY_KEY, summary.toJson());
    if (report.errors() > 0) {
      contribution.setExitStatus(
          new ExitStatus(PARTIALLY_FAILED, report.errors() + " items or steps failed"));
    }
    return RepeatStatus.FINISHED;
  }

  private static void record(
      LedgerEntry entry, RestoreReport report, RestoreResourceList resources) {
    entry
        .disposition()
        .veleroOutcome()
        .ifPresent(
            outcome ->
                resources.record(
                    entry.apiVersion(), entry.kind(), entry.namespace(), entry.name(), outcome));
    String namespace = entry.namespace().isEmpty() ? null : entry.namespace();
    switch (entry.disposition()) {
      case FAILED -> report.error(namespace, entry.message());
      case SKIPPED -> report.warning(namespace, entry.message());
      case NOT_RESTORED ->
          report.info("Not restoring " + entry.describe() + ": " + entry.message());
      default ->
          report.info(
              "Restored "
                  + entry.describe()
                  + " ("
                  + entry.disposition().word()
                  + (entry.message().isEmpty() ? "" : ": " + entry.message())
                  + ")");
    }
  }

  private List<String> notEstablished(JobExecution job) {
    StepExecution wait =
        jobRepository.getLastStepExecution(job.getJobInstance(), AwaitCrdsTasklet.STEP);
    if (wait == null) {
      return List.of();
    }
    String names = wait.getExecutionContext().getString(AwaitCrdsTasklet.NOT_ESTABLISHED, "");
    return names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
  }
}
