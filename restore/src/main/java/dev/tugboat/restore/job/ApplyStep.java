package dev.tugboat.restore.job;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.apply.ItemApplier;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A step that applies tiers of the plan: the archived items of its types, in restore order, through
 * {@link ItemPreparer} and {@link ApplyWriter}, committing the reader's position and the ledger's
 * chunk count together. The types come from the plan the validate step saved, so the chunk step is
 * built when the step runs.
 */
final class ApplyStep implements Step {

  private final String name;
  private final boolean crdTier;
  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final RestoreRun run;
  private final RestoreSessionHolder sessions;
  private final ItemApplier applier;
  private final BackupStore store;
  private final RestoreProgress progress;

  /**
   * @param crdTier whether the step applies the plan's first tier, the CRDs, or all the others
   */
  ApplyStep(
      String name,
      boolean crdTier,
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      RestoreRun run,
      RestoreSessionHolder sessions,
      ItemApplier applier,
      BackupStore store,
      RestoreProgress progress) {
    this.name = name;
    this.crdTier = crdTier;
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.run = run;
    this.sessions = sessions;
    this.applier = applier;
    this.store = store;
    this.progress = progress;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public void execute(StepExecution stepExecution) throws JobInterruptedException {
    JobExecution job = stepExecution.getJobExecution();
    RestoreJobContext plan = RestoreJobContext.from(job.getExecutionContext());
    progress.enter(
        crdTier ? RestoreProgress.Phase.RESTORING_CRDS : RestoreProgress.Phase.RESTORING);
    // Also on a resumed run, whose validate step does not run again.
    progress.planned(plan.plannedItems());
    ArchivedItemReader reader =
        new ArchivedItemReader(
            sessions,
            crdTier ? plan.crdTypes() : plan.types(),
            crdTier ? List.of() : plan.namespacesToCreate());
    ApplyWriter writer =
        new ApplyWriter(
            applier,
            RestoreJobFactory.ledger(run, store, job),
            name,
            run.request().name(),
            plan.started(),
            run.parallelism(),
            progress);
    new StepBuilder(name, jobRepository)
        .<StagedItem, PreparedItem>chunk(run.chunkSize())
        .transactionManager(transactionManager)
        .reader(reader)
        .processor(new ItemPreparer(sessions, run.request().modifiers()))
        .writer(writer)
        .build()
        .execute(stepExecution);
  }
}
