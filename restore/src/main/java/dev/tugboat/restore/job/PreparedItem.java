package dev.tugboat.restore.job;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.transform.Transformed;

/**
 * A selected item ready for the writer: either an object to apply, or an entry already decided (an
 * item left out by a rule, or one that could not be prepared).
 *
 * @param type where to apply it
 * @param toApply the object to create; null when {@code decided} is set
 * @param decided the ledger entry of an item not applied; null when {@code toApply} is set
 */
record PreparedItem(ApiResource type, Transformed.Create toApply, LedgerEntry decided) {

  PreparedItem {
    if ((toApply == null) == (decided == null)) {
      throw new IllegalArgumentException("a prepared item is either applied or decided");
    }
  }

  static PreparedItem apply(ApiResource type, Transformed.Create create) {
    return new PreparedItem(type, create, null);
  }

  static PreparedItem decided(ApiResource type, LedgerEntry entry) {
    return new PreparedItem(type, null, entry);
  }
}
