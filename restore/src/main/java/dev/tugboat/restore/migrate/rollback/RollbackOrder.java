package dev.tugboat.restore.migrate.rollback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a migration's applications are rolled back in the target: the reverse of the
 * order they were migrated in, sheddable tier first, and within a tier the last of the plan first,
 * so that what the core applications provide (a shared ConfigMap, a Service) goes last.
 */
final class RollbackOrder {

  private RollbackOrder() {}

  /**
   * @param inPlanOrder the applications with a restore, in the plan's order
   */
  static List<RestoredApplication> of(List<RestoredApplication> inPlanOrder) {
    List<RestoredApplication> reversed = new ArrayList<>(inPlanOrder);
    Collections.reverse(reversed);
    // A stable sort keeps the reversed plan order within a tier.
    reversed.sort(Comparator.comparingInt(RestoredApplication::tier).reversed());
    return reversed;
  }
}
