package dev.tugboat.restore.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RestoreResourceListTest {

  @Test
  void nothingRecordedIsAnEmptyMap() throws IOException {
    assertThat(Gunzip.text(new RestoreResourceList())).isEqualTo("{}\n");
  }

  @Test
  void writesVelerosMapWithTypesSortedAndEachItemsOutcome() throws IOException {
    RestoreResourceList list = new RestoreResourceList();
    list.record("v1", "Pod", "shop", "web-1", ItemOutcome.FAILED);
    list.record("apps/v1", "Deployment", "shop", "web", ItemOutcome.CREATED);
    list.record("v1", "Namespace", null, "shop", ItemOutcome.CREATED);
    list.record("v1", "ConfigMap", "shop", "settings", ItemOutcome.UPDATED);
    list.record("v1", "ConfigMap", "admin", "settings", ItemOutcome.SKIPPED);
    list.record("rbac.authorization.k8s.io/v1", "ClusterRole", "", "viewer", ItemOutcome.SKIPPED);

    assertThat(Gunzip.text(list))
        .isEqualTo(
            "{\"apps/v1/Deployment\":[\"shop/web(created)\"],"
                + "\"rbac.authorization.k8s.io/v1/ClusterRole\":[\"viewer(skipped)\"],"
                + "\"v1/ConfigMap\":[\"admin/settings(skipped)\",\"shop/settings(updated)\"],"
                + "\"v1/Namespace\":[\"shop(created)\"],"
                + "\"v1/Pod\":[\"shop/web-1(failed)\"]}\n");
  }

  @Test
  void recordingAnItemAgainReplacesItsOutcome() throws IOException {
    RestoreResourceList list = new RestoreResourceList();
    list.record("v1", "Service", "shop", "web", ItemOutcome.FAILED);
    list.record("v1", "Service", "shop", "web", ItemOutcome.UPDATED);

    assertThat(Gunzip.text(list)).isEqualTo("{\"v1/Service\":[\"shop/web(updated)\"]}\n");
  }

  @Test
  void entriesAreSortedAsWholeStringsAsVeleroSortsThem() throws IOException {
    RestoreResourceList list = new RestoreResourceList();
    // ClusterRole names may hold '!' (0x21), which sorts before '(' (0x28): whole entries then
    // sort differently from the names alone.
    list.record("rbac.authorization.k8s.io/v1", "ClusterRole", null, "view", ItemOutcome.CREATED);
    list.record("rbac.authorization.k8s.io/v1", "ClusterRole", null, "view!", ItemOutcome.CREATED);

    assertThat(Gunzip.text(list))
        .isEqualTo(
            "{\"rbac.authorization.k8s.io/v1/ClusterRole\":[\"view!(created)\",\"view(created)\"]}\n");
  }

  @Test
  void anEntryWithoutAKindIsRefusedNamingTheItem() {
    RestoreResourceList list = new RestoreResourceList();

    assertThatThrownBy(() -> list.record("v1", "", "shop", "web", ItemOutcome.CREATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A restored resource-list entry needs a kind (kind , name web)");
  }

  @Test
  void anEntryWithoutAnOutcomeIsRefusedNamingTheItem() {
    RestoreResourceList list = new RestoreResourceList();

    assertThatThrownBy(() -> list.record("v1", "Service", "shop", "web", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A restored resource-list entry needs an outcome (kind Service, name web)");
  }
}
