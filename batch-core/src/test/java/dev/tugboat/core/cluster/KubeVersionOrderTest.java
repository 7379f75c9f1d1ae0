package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeVersionOrderTest {

  @Test
  void ordersStabilityFirstThenMajorThenMinor() {
    List<String> versions =
        new ArrayList<>(
            List.of(
                "v1beta1",
                "v2",
                "foo",
                "v1",
                "v10",
                "v1alpha1",
                "v1beta2",
                "v2beta1",
                "v11alpha2"));

    versions.sort(KubeVersionOrder.INSTANCE);

    assertThat(versions)
        .containsExactly(
            "foo", "v1alpha1", "v11alpha2", "v1beta1", "v1beta2", "v2beta1", "v1", "v2", "v10");
  }
}
