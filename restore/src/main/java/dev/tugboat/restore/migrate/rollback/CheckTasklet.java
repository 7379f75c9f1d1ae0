package dev.tugboat.restore.migrate.rollback;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step: refuses a migration that cannot be rolled back before anything is written (see
 * {@link MigrationToRollBack}) and notes when the rollback started.
 */
final class CheckTasklet implements Tasklet {

  private final Supplier<RollbackSubject> subject;
  private final Clock clock;

  CheckTasklet(Supplier<RollbackSubject> subject, Clock clock) {
    this.subject = subject;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    subject.get();
    ExecutionContext job =
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    if (!job.containsKey(RollbackJobContext.STARTED)) {
      job.putString(
          RollbackJobContext.STARTED, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    return RepeatStatus.FINISHED;
  }
}
