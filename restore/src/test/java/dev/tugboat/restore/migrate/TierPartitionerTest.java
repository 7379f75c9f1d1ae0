package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class TierPartitionerTest {

  private static Map<String, ExecutionContext> partitionsOfTier(int tier) {
    JobExecution job = new JobExecution(1L, new JobInstance(1L, "migration"), new JobParameters());
    MigrationJobContext.saveApplications(
        job.getExecutionContext(), MigrationJobContextTest.APPLICATIONS);
    TierPartitioner partitioner = new TierPartitioner(tier);
    partitioner.beforeStep(new StepExecution(2L, "tier-" + tier, job));
    return partitioner.partition(4);
  }

  @Test
  void makesAPartitionPerApplicationOfItsTierNamedAfterIt() {
    Map<String, ExecutionContext> partitions = partitionsOfTier(1);

    assertThat(partitions).containsOnlyKeys("shop");
    assertThat(partitions.get("shop").getString(MigrationJobContext.APPLICATION)).isEqualTo("shop");
  }

  @Test
  void aDeferredApplicationStillGetsItsPartition() {
    // It ends Deferred in its own step, so that the report has its outcome.
    assertThat(partitionsOfTier(3)).containsOnlyKeys("etl");
  }

  @Test
  void aTierWithoutApplicationsHasNoPartitions() {
    assertThat(partitionsOfTier(0)).isEmpty();
  }
}
