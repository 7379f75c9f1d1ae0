package dev.tugboat.backup.job;

import dev.tugboat.backup.collect.ListPartitionStep;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.StepExecution;

/**
 * Hands the list step's partitions to the threads in the plan's order (Velero's: pods and the other
 * core types first), instead of the arbitrary order of the set Spring Batch builds. The backup
 * lasts as long as its longest partition: left to chance, a type with most of the objects often
 * started last, after a dozen small ones.
 */
final class PlanOrderPartitionHandler extends TaskExecutorPartitionHandler {

  @Override
  protected Set<StepExecution> doHandle(
      StepExecution managerStepExecution, Set<StepExecution> partitionStepExecutions)
      throws Exception {
    Set<StepExecution> inPlanOrder = new LinkedHashSet<>();
    partitionStepExecutions.stream()
        // segment names number the partitions in plan order, with leading zeros
        .sorted(
            Comparator.comparing(step -> ListPartitionStep.segmentOf(step.getExecutionContext())))
        .forEach(inPlanOrder::add);
    return super.doHandle(managerStepExecution, inPlanOrder);
  }
}
