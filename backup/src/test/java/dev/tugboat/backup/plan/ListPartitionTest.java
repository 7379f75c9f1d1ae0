package dev.tugboat.backup.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.backup.plan.ListPartition.Scope;
import org.junit.jupiter.api.Test;

class ListPartitionTest {

  private static final ListPartition DEPLOYMENTS_IN_SHOP =
      new ListPartition("apps", "v1", "deployments", "Deployment", Scope.NAMESPACE, "shop");

  @Test
  void keyNamesTheGroupResourceAndWhereToList() {
    assertThat(DEPLOYMENTS_IN_SHOP.key()).isEqualTo("deployments.apps@shop");
    assertThat(
            new ListPartition("apps", "v1", "deployments", "Deployment", Scope.ALL_NAMESPACES, "")
                .key())
        .isEqualTo("deployments.apps@*");
    assertThat(
            new ListPartition("", "v1", "persistentvolumes", "PersistentVolume", Scope.CLUSTER, "")
                .key())
        .isEqualTo("persistentvolumes@cluster");
    assertThat(new ListPartition("", "v1", "pods", "Pod", Scope.NAMESPACE, "cluster").key())
        .isEqualTo("pods@cluster");
  }

  @Test
  void requiresANamespaceExactlyForNamespaceScope() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ListPartition("", "v1", "pods", "Pod", Scope.NAMESPACE, ""))
        .withMessage(
            "The partition of pods with scope NAMESPACE has namespace '': a namespace is required"
                + " for NAMESPACE scope and forbidden otherwise");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ListPartition("", "v1", "pods", "Pod", Scope.ALL_NAMESPACES, "shop"));
  }
}
