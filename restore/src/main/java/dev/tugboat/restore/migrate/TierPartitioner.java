package dev.tugboat.restore.migrate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits one tier's step into a partition per application of the tier, named after it (so its step
 * is {@code application:shop}). It reads the applications the capacity step saved when the tier's
 * step starts: a {@link Partitioner} gets no execution, hence the listener. On a restart, Spring
 * Batch runs again only the partitions that did not complete.
 */
final class TierPartitioner implements Partitioner, StepExecutionListener {

  private final int tier;
  private Map<String, ExecutionContext> partitions;

  TierPartitioner(int tier) {
    this.tier = tier;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    partitions = new LinkedHashMap<>();
    for (ApplicationPlan application :
        MigrationJobContext.applications(stepExecution.getJobExecution().getExecutionContext())) {
      if (application.tier() == tier) {
        ExecutionContext context = new ExecutionContext();
        context.putString(MigrationJobContext.APPLICATION, application.name());
        partitions.put(application.name(), context);
      }
    }
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    return partitions;
  }
}
