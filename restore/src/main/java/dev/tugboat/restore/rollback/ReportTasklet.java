package dev.tugboat.restore.rollback;

import dev.tugboat.backup.collect.StagedSegmentCount;
import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.store.BackupStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The last step: the report from the outcome ledger of the delete and put-back steps plus the items
 * the plan leaves alone, written to the store (not for a dry run) and kept in the job. It is
 * written whole, so a report redone after a crash is the same report.
 */
final class ReportTasklet implements Tasklet {

  /** Where the report is kept in the job's execution context. */
  static final String REPORT_KEY = "rollback.report";

  /** The exit status of a rollback some of whose items failed. */
  static final String FAILED_ITEMS = "FAILED_ITEMS";

  /** The crash point before the report is written. */
  static final String CRASH_POINT = "rollback.before-report";

  private final JobRepository jobRepository;
  private final RestoreToRollBack restore;
  private final RollbackRun run;
  private final BackupStore store;
  private final OutcomeLedger ledger;
  private final Clock clock;

  ReportTasklet(
      JobRepository jobRepository,
      RestoreToRollBack restore,
      RollbackRun run,
      BackupStore store,
      OutcomeLedger ledger,
      Clock clock) {
    this.jobRepository = jobRepository;
    this.restore = restore;
    this.run = run;
    this.store = store;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    List<UndoOutcome> outcomes = new ArrayList<>();
    for (String step : RollbackJobFactory.UNDO_STEPS) {
      StepExecution last = jobRepository.getLastStepExecution(job.getJobInstance(), step);
      int chunks = last == null ? 0 : StagedSegmentCount.from(last.getExecutionContext()).chunks();
      ledger.read(step, chunks, outcomes::add);
    }
    for (var entry : RollbackPlan.of(restore.ledger()).untouched()) {
      outcomes.add(ItemUndo.leave(entry));
    }
    Map<String, Long> items = new LinkedHashMap<>();
    for (UndoOutcome outcome : outcomes) {
      items.merge(outcome.result().word(), 1L, Long::sum);
    }
    boolean failed = items.containsKey(UndoResult.FAILED.word());
    RollbackReport report =
        new RollbackReport(
            run.restore(),
            (failed ? RollbackPhase.FAILED_ROLLBACK : RollbackPhase.ROLLED_BACK).displayName(),
            run.dryRun(),
            job.getExecutionContext().getString(CheckTasklet.STARTED_KEY),
            clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
            items,
            outcomes);
    CrashPoint.reach(CRASH_POINT);
    if (!run.dryRun()) {
      store.write(RollbackReport.key(run.restore()), report);
    }
    job.getExecutionContext().putString(REPORT_KEY, report.toJson());
    if (failed) {
      contribution.setExitStatus(
          new ExitStatus(FAILED_ITEMS, report.count(UndoResult.FAILED) + " items failed"));
    }
    return RepeatStatus.FINISHED;
  }
}
