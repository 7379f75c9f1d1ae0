package dev.tugboat.backup.job;

import dev.tugboat.backup.collect.ListPartitionStep;
import dev.tugboat.backup.plan.ListPartition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the list step into the plan's partitions, named by their keys (so a partition's step is
 * {@code list:deployments.apps@shop}), each staging into its own segment. It reads the plan the
 * plan step saved, when the list step starts: a {@link Partitioner} gets no execution, hence the
 * listener.
 */
final class PlanPartitioner implements Partitioner, StepExecutionListener {

  private final BackupProgress progress;
  private BackupJobContext job;

  PlanPartitioner(BackupProgress progress) {
    this.progress = progress;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    job = BackupJobContext.from(stepExecution.getJobExecution().getExecutionContext());
    progress.listing(job.plan().partitions().size());
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    List<ListPartition> planned = job.plan().partitions();
    for (int index = 0; index < planned.size(); index++) {
      ListPartition partition = planned.get(index);
      partitions.put(
          partition.key(), ListPartitionStep.describe(partition, segmentName(index), job.run()));
    }
    return partitions;
  }

  /** The staging segment of the plan's {@code index}-th partition. */
  static String segmentName(int index) {
    return String.format("p%05d", index);
  }
}
