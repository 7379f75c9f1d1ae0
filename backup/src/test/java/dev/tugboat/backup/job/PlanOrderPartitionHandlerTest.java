package dev.tugboat.backup.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.collect.ListPartitionStep;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.plan.ListPartition.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

class PlanOrderPartitionHandlerTest {

  private static final ListPartition CONFIG_MAPS =
      new ListPartition("", "v1", "configmaps", "ConfigMap", Scope.ALL_NAMESPACES, "");

  @Test
  void runsThePartitionsInPlanOrderWhateverTheOrderOfTheSet() throws Exception {
    List<String> ran = new ArrayList<>();
    PlanOrderPartitionHandler handler = new PlanOrderPartitionHandler();
    handler.setStep(
        new Step() {
          @Override
          public String getName() {
            return ListPartitionStep.NAME;
          }

          @Override
          public void execute(StepExecution stepExecution) {
            ran.add(stepExecution.getStepName());
          }
        });
    JobExecution job = new JobExecution(1L, new JobInstance(1L, "backup"), new JobParameters());
    Set<StepExecution> partitions = new LinkedHashSet<>(); // in reverse plan order
    for (int index = 11; index >= 0; index--) {
      StepExecution partition = new StepExecution(100L + index, "list:" + index, job);
      partition.setExecutionContext(
          ListPartitionStep.describe(CONFIG_MAPS, PlanPartitioner.segmentName(index), "run-1"));
      partitions.add(partition);
    }

    handler.doHandle(new StepExecution(1L, "list", job), partitions);

    assertThat(ran)
        .containsExactly(
            "list:0", "list:1", "list:2", "list:3", "list:4", "list:5", "list:6", "list:7",
            "list:8", "list:9", "list:10", "list:11");
  }
}
