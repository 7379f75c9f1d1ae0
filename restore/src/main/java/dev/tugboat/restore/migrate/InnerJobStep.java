package dev.tugboat.restore.migrate;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

/**
 * A step that runs another job (the restart-point backup, an application's restore), as Spring
 * Batch's own JobStep does: outside any transaction, since the job repository refuses to start a
 * job inside one, and the inner job commits its own restart points as it goes. Its step execution
 * context is saved when the work ends. Public for the migration's rollback, which runs restore
 * rollbacks the same way.
 */
public final class InnerJobStep extends AbstractStep {

  /** The step's work, given its execution. */
  @FunctionalInterface
  public interface Work {
    void run(StepExecution step) throws Exception;
  }

  private final Work work;

  public InnerJobStep(String name, JobRepository jobRepository, Work work) {
    super(jobRepository);
    setName(name);
    this.work = work;
  }

  @Override
  protected void doExecute(StepExecution stepExecution) throws Exception {
    work.run(stepExecution);
  }
}
