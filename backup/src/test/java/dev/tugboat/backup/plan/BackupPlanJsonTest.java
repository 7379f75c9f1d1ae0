package dev.tugboat.backup.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tugboat.backup.plan.ListPartition.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupPlanJsonTest {

  private static final ListPartition PODS_IN_SHOP =
      new ListPartition("", "v1", "pods", "Pod", Scope.NAMESPACE, "shop");
  private static final ListPartition ALL_DEPLOYMENTS =
      new ListPartition("apps", "v1", "deployments", "Deployment", Scope.ALL_NAMESPACES, "");
  private static final ListPartition VOLUMES =
      new ListPartition("", "v1", "persistentvolumes", "PersistentVolume", Scope.CLUSTER, "");

  @Test
  void aPlanReadsBackEqual() {
    BackupPlan plan =
        new BackupPlan(
            List.of(PODS_IN_SHOP, ALL_DEPLOYMENTS, VOLUMES),
            List.of("admin", "shop"),
            List.of(
                new Skipped("events", "excluded by default"),
                new Skipped("namespace kube-system", "excluded")));

    assertThat(BackupPlanJson.read(BackupPlanJson.write(plan))).isEqualTo(plan);
  }

  @Test
  void anEmptyPlanReadsBackEqual() {
    BackupPlan plan = new BackupPlan(List.of(), List.of(), List.of());

    assertThat(BackupPlanJson.read(BackupPlanJson.write(plan))).isEqualTo(plan);
  }

  @Test
  void aPartitionReadsBackEqual() {
    for (ListPartition partition : List.of(PODS_IN_SHOP, ALL_DEPLOYMENTS, VOLUMES)) {
      assertThat(BackupPlanJson.readPartition(BackupPlanJson.write(partition)))
          .isEqualTo(partition);
    }
  }

  @Test
  void textThatIsNotAPlanIsRefused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> BackupPlanJson.read("[1,2]"))
        .withMessageStartingWith("the saved backup plan cannot be read: ");
    assertThatIllegalStateException()
        .isThrownBy(() -> BackupPlanJson.read(""))
        .withMessage("the saved backup plan is empty");
    assertThatIllegalStateException()
        .isThrownBy(() -> BackupPlanJson.readPartition("\"pods\""))
        .withMessageStartingWith("the saved list partition cannot be read: ");
  }
}
