package dev.tugboat.backup.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResourceListDocumentTest {

  @Test
  void mapsEachTypeToItsSortedItemsWithTypesSorted() throws IOException {
    ResourceListDocument list = new ResourceListDocument();
    list.add("v1", "Pod", "shop", "web-2");
    list.add("apps/v1", "Deployment", "shop", "web");
    list.add("v1", "Namespace", null, "shop");
    list.add("v1", "Pod", "admin", "tool");
    list.add("v1", "Pod", "shop", "web-1");
    list.add("v1", "PersistentVolume", "", "pv-1");
    list.add("v1", "Pod", "shop", "web-1");

    assertThat(Gzip.decompressed(list))
        .isEqualTo(
            "{\"apps/v1/Deployment\":[\"shop/web\"],\"v1/Namespace\":[\"shop\"],"
                + "\"v1/PersistentVolume\":[\"pv-1\"],"
                + "\"v1/Pod\":[\"admin/tool\",\"shop/web-1\",\"shop/web-2\"]}\n");
  }

  @Test
  void anEmptyListIsAnEmptyObject() throws IOException {
    assertThat(Gzip.decompressed(new ResourceListDocument())).isEqualTo("{}\n");
  }

  @Test
  void rejectsAnItemWithoutKindOrName() {
    ResourceListDocument list = new ResourceListDocument();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> list.add("v1", "", "shop", "web"))
        .withMessage("A resource-list entry needs a kind (kind , name web)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> list.add("v1", "Pod", "shop", null))
        .withMessage("A resource-list entry needs a name (kind Pod, name null)");
  }
}
