package dev.tugboat.restore.rollback;

import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.plan.RestoreOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a rollback deletes what a restore created: dependents before their owners.
 *
 * <ol>
 *   <li>namespaced objects before cluster-scoped ones (a custom resource before its definition, an
 *       object before its namespace); among them the types that controllers own first (Pods,
 *       ReplicaSets, ControllerRevisions, Jobs, Endpoints and EndpointSlices), then the other types
 *       in the reverse of the restore's order;
 *   <li>cluster-scoped objects other than Namespaces and CRDs, in the reverse of the restore's
 *       order;
 *   <li>Namespaces, once every object the restore put in them is gone;
 *   <li>CustomResourceDefinitions last, once their custom resources are gone.
 * </ol>
 *
 * The reverse of the restore's order alone would delete a Deployment (sorted among the "other"
 * types) before the Pods and ReplicaSets of Velero's priority list; the owned types come first.
 * Within a type, objects keep the ledger's order.
 */
final class DeletionOrder {

  /** Types whose objects controllers own, deleted first, dependents before owners. */
  static final List<String> OWNED_TYPES =
      List.of(
          "pods",
          "replicasets.apps",
          "controllerrevisions.apps",
          "jobs.batch",
          "endpointslices.discovery.k8s.io",
          "endpoints");

  private static final String NAMESPACES = "namespaces";

  private DeletionOrder() {}

  /** The entries sorted for deletion (a stable sort of {@code entries}). */
  static List<LedgerEntry> sort(Collection<LedgerEntry> entries) {
    List<String> restoreOrder =
        RestoreOrder.order(entries.stream().map(LedgerEntry::groupResource).toList());
    Map<String, Integer> reverse = new HashMap<>();
    for (int i = 0; i < restoreOrder.size(); i++) {
      reverse.put(restoreOrder.get(i), restoreOrder.size() - i);
    }
    List<LedgerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparingInt(DeletionOrder::scopeRank)
            .thenComparingInt(DeletionOrder::ownedRank)
            .thenComparingInt(entry -> reverse.get(entry.groupResource())));
    return sorted;
  }

  private static int scopeRank(LedgerEntry entry) {
    if (entry.groupResource().equals(RestoreOrder.CUSTOM_RESOURCE_DEFINITIONS)) {
      return 3;
    }
    if (entry.groupResource().equals(NAMESPACES)) {
      return 2;
    }
    return entry.namespace().isEmpty() ? 1 : 0;
  }

  /** The position among the owned types; every other type after them. */
  private static int ownedRank(LedgerEntry entry) {
    int index = OWNED_TYPES.indexOf(entry.groupResource());
    return index < 0 ? OWNED_TYPES.size() : index;
  }
}
