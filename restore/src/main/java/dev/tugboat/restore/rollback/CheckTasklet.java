package dev.tugboat.restore.rollback;

import dev.tugboat.core.store.BackupStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step: refuses a restore that cannot be rolled back before anything is written (see
 * {@link RestoreToRollBack}), notes when the rollback started, and records its phase {@code
 * RollingBack} beside the restore's records (not for a dry run).
 */
final class CheckTasklet implements Tasklet {

  /** Where the start is kept in the job's execution context. */
  static final String STARTED_KEY = "rollback.started";

  private final RestoreToRollBack restore;
  private final RollbackRun run;
  private final BackupStore store;
  private final Clock clock;

  CheckTasklet(RestoreToRollBack restore, RollbackRun run, BackupStore store, Clock clock) {
    this.restore = restore;
    this.run = run;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    restore.ledger();
    ExecutionContext job =
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    if (!job.containsKey(STARTED_KEY)) {
      job.putString(STARTED_KEY, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (!run.dryRun()) {
      store.write(
          RollbackReport.key(run.restore()),
          RollbackReport.rollingBack(run.restore(), job.getString(STARTED_KEY)));
    }
    return RepeatStatus.FINISHED;
  }
}
