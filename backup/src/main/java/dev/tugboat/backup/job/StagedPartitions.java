package dev.tugboat.backup.job;

import dev.tugboat.backup.collect.ListPartitionStep;
import dev.tugboat.backup.collect.PartitionProblem;
import dev.tugboat.backup.collect.StagedSegmentCount;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.staging.StagedSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What the list step staged, partition by partition, in plan order, as the job repository records
 * it. Partitions may have completed in an earlier attempt, so each is looked up by name in the
 * whole job instance, not only in the current execution.
 */
final class StagedPartitions {

  /** One partition's outcome. */
  record Outcome(
      ListPartition partition,
      StagedSegment segment,
      long items,
      Optional<PartitionProblem> problem) {}

  private StagedPartitions() {}

  /**
   * @throws IllegalStateException when a partition has not completed: the list step must have
   */
  static List<Outcome> of(
      JobRepository jobRepository, JobExecution jobExecution, BackupJobContext job) {
    Map<String, StepExecution> lastByName = lastStepExecutions(jobRepository, jobExecution);
    List<Outcome> outcomes = new ArrayList<>();
    List<ListPartition> partitions = job.plan().partitions();
    for (int index = 0; index < partitions.size(); index++) {
      ListPartition partition = partitions.get(index);
      StepExecution step = lastByName.get(ListPartitionStep.NAME + ":" + partition.key());
      if (step == null || step.getStatus() != BatchStatus.COMPLETED) {
        throw new IllegalStateException(
            "partition "
                + partition.key()
                + " has not completed ("
                + (step == null ? "never ran" : step.getStatus())
                + ")");
      }
      StagedSegmentCount count = StagedSegmentCount.from(step.getExecutionContext());
      outcomes.add(
          new Outcome(
              partition,
              new StagedSegment(
                  PlanPartitioner.segmentName(index), partition.groupResource(), count.chunks()),
              count.items(),
              PartitionProblem.from(step.getExecutionContext())));
    }
    return outcomes;
  }

  /**
   * The latest execution of every step of the job instance, by name, read in one go: asking for
   * each partition's separately costs a query per partition and reloads the job's context (the
   * whole plan) every time, which made a backup of thousands of partitions spend minutes here.
   */
  private static Map<String, StepExecution> lastStepExecutions(
      JobRepository jobRepository, JobExecution jobExecution) {
    Map<String, StepExecution> last = new HashMap<>();
    for (JobExecution execution : jobRepository.getJobExecutions(jobExecution.getJobInstance())) {
      for (StepExecution step : execution.getStepExecutions()) {
        last.merge(
            step.getStepName(), step, (kept, other) -> other.getId() > kept.getId() ? other : kept);
      }
    }
    return last;
  }
}
