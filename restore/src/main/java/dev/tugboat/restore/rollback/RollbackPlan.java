package dev.tugboat.restore.rollback;

import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.plan.RestoreOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What a rollback does with each entry of a restore's ledger, in the order it does it: first the
 * deletions of what the restore created ({@link DeletionOrder}: dependents before owners), then the
 * before-images of what it updated or recreated, in the restore's own priority order (a namespace
 * or CRD before what it holds). The entries it leaves alone are listed for the report.
 *
 * @param deletions the created items, in deletion order
 * @param putBacks the updated and recreated items, in restore order
 * @param untouched every other entry, in ledger order
 */
public record RollbackPlan(
    List<LedgerEntry> deletions, List<LedgerEntry> putBacks, List<LedgerEntry> untouched) {

  public RollbackPlan {
    deletions = List.copyOf(deletions);
    putBacks = List.copyOf(putBacks);
    untouched = List.copyOf(untouched);
  }

  /** Plans the rollback of a restore from its ledger, entries in the order they were recorded. */
  public static RollbackPlan of(Collection<LedgerEntry> ledger) {
    List<LedgerEntry> created = new ArrayList<>();
    List<LedgerEntry> changed = new ArrayList<>();
    List<LedgerEntry> untouched = new ArrayList<>();
    for (LedgerEntry entry : ledger) {
      switch (UndoAction.undoing(entry.disposition())) {
        case DELETE -> created.add(entry);
        case PUT_BACK, RECREATE -> changed.add(entry);
        case LEAVE -> untouched.add(entry);
      }
    }
    return new RollbackPlan(DeletionOrder.sort(created), inRestoreOrder(changed), untouched);
  }

  private static List<LedgerEntry> inRestoreOrder(List<LedgerEntry> entries) {
    List<String> order =
        RestoreOrder.order(entries.stream().map(LedgerEntry::groupResource).toList());
    List<LedgerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(entry -> order.indexOf(entry.groupResource())));
    return sorted;
  }
}
