package dev.tugboat.backup.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.plan.BackupPlanJson;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.plan.ListPartition.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ListPartitionStepTest {

  @Test
  void aPartitionsContextHoldsThePartitionItsSegmentAndRunAndNothingElse() {
    ListPartition partition =
        new ListPartition("apps", "v1", "deployments", "Deployment", Scope.NAMESPACE, "shop");

    ExecutionContext context = ListPartitionStep.describe(partition, "0007", "run-42");

    assertThat(ListPartitionStep.segmentOf(context)).isEqualTo("0007");
    assertThat(BackupPlanJson.readPartition(context.getString("partition"))).isEqualTo(partition);
    assertThat(context.getString("run")).isEqualTo("run-42");
    assertThat(context.entrySet()).hasSize(3);
  }
}
