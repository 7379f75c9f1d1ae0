package dev.tugboat.backup.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.backup.plan.ListPartition.Scope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListPartitionTest {

  private static final ListPartition DEPLOYMENTS_IN_SHOP =
      new ListPartition("apps", "v1", "deployments", Scope.NAMESPACE, "shop");

  @Test
  void keyNamesTheGroupResourceAndWhereToList() {
    assertThat(DEPLOYMENTS_IN_SHOP.key()).isEqualTo("deployments.apps@shop");
    assertThat(new ListPartition("apps", "v1", "deployments", Scope.ALL_NAMESPACES, "").key())
        .isEqualTo("deployments.apps@*");
    assertThat(new ListPartition("", "v1", "persistentvolumes", Scope.CLUSTER, "").key())
        .isEqualTo("persistentvolumes@cluster");
    assertThat(new ListPartition("", "v1", "pods", Scope.NAMESPACE, "cluster").key())
        .isEqualTo("pods@cluster");
  }

  @Test
  void requiresANamespaceExactlyForNamespaceScope() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ListPartition("", "v1", "pods", Scope.NAMESPACE, ""))
        .withMessage(
            "The partition of pods with scope NAMESPACE has namespace '': a namespace is required"
                + " for NAMESPACE scope and forbidden otherwise");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ListPartition("", "v1", "pods", Scope.ALL_NAMESPACES, "shop"));
  }

  @Test
  void survivesJavaSerializationAsTheExecutionContextStoresIt()
      throws IOException, ClassNotFoundException {
    List<ListPartition> partitions =
        new ArrayList<>(
            List.of(
                DEPLOYMENTS_IN_SHOP,
                new ListPartition("", "v1", "persistentvolumes", Scope.CLUSTER, "")));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(partitions);
    }
    Object copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertThat(copy).isEqualTo(partitions);
  }
}
