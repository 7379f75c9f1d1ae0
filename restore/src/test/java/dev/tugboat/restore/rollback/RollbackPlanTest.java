package dev.tugboat.restore.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackPlanTest {

  /** A restore's ledger in the order it applied the items (its priority order). */
  private static final List<LedgerEntry> LEDGER =
      List.of(
          entry(
              "customresourcedefinitions.apiextensions.k8s.io",
              "",
              "widgets.example.com",
              Disposition.CREATED),
          entry("namespaces", "", "shop", Disposition.CREATED),
          entry("clusterroles.rbac.authorization.k8s.io", "", "reader", Disposition.CREATED),
          entry("secrets", "shop", "token", Disposition.RECREATED),
          entry("configmaps", "shop", "settings", Disposition.UPDATED),
          entry("configmaps", "shop", "same", Disposition.UNCHANGED),
          entry("pods", "shop", "web-1", Disposition.CREATED),
          entry("pods", "shop", "done", Disposition.NOT_RESTORED),
          entry("replicasets.apps", "shop", "web-abc", Disposition.CREATED),
          entry("services", "shop", "web", Disposition.SKIPPED),
          entry("deployments.apps", "shop", "web", Disposition.CREATED),
          entry("deployments.apps", "shop", "api", Disposition.CREATED),
          entry("statefulsets.apps", "shop", "db", Disposition.FAILED),
          entry("widgets.example.com", "shop", "w1", Disposition.CREATED));

  @Test
  void deletesDependentsBeforeOwnersAndNamespacesThenCrdsLast() {
    RollbackPlan plan = RollbackPlan.of(LEDGER);

    assertThat(plan.deletions().stream().map(LedgerEntry::describe))
        .containsExactly(
            "pods/shop/web-1",
            "replicasets.apps/shop/web-abc",
            "widgets.example.com/shop/w1",
            "deployments.apps/shop/web",
            "deployments.apps/shop/api",
            "clusterroles.rbac.authorization.k8s.io/reader",
            "namespaces/shop",
            "customresourcedefinitions.apiextensions.k8s.io/widgets.example.com");
  }

  @Test
  void putsBeforeImagesBackInTheRestoresPriorityOrder() {
    RollbackPlan plan = RollbackPlan.of(LEDGER);

    assertThat(plan.putBacks().stream().map(LedgerEntry::describe))
        .containsExactly("secrets/shop/token", "configmaps/shop/settings");
  }

  @Test
  void leavesWhatTheRestoreDidNotChangeInLedgerOrder() {
    RollbackPlan plan = RollbackPlan.of(LEDGER);

    assertThat(plan.untouched().stream().map(LedgerEntry::describe))
        .containsExactly(
            "configmaps/shop/same",
            "pods/shop/done",
            "services/shop/web",
            "statefulsets.apps/shop/db");
  }

  @Test
  void anEmptyLedgerPlansNothing() {
    assertThat(RollbackPlan.of(List.of()))
        .isEqualTo(new RollbackPlan(List.of(), List.of(), List.of()));
  }

  private static LedgerEntry entry(
      String groupResource, String namespace, String name, Disposition disposition) {
    boolean changed = disposition == Disposition.UPDATED || disposition == Disposition.RECREATED;
    return new LedgerEntry(
        groupResource,
        "v1",
        "Kind",
        namespace,
        name,
        disposition,
        "",
        changed ? new JsonObject() : null);
  }
}
