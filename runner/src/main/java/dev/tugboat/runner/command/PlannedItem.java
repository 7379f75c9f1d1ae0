package dev.tugboat.runner.command;

import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;

/**
 * One line of a dry run's plan: what a real restore would do with an item. Also its JSON form.
 *
 * @param action what would be done: {@code create}, {@code update}, {@code recreate}, {@code
 *     unchanged}, {@code skip}, {@code not-restored} or {@code fail}
 * @param namespace the target namespace; empty for a cluster-scoped item
 * @param message why: the difference, the reason of a skip or of a failure; empty for a create
 */
record PlannedItem(
    String action, String groupResource, String namespace, String name, String message) {

  static PlannedItem of(LedgerEntry entry) {
    return new PlannedItem(
        action(entry.disposition()),
        entry.groupResource(),
        entry.namespace(),
        entry.name(),
        entry.message());
  }

  /** E.g. {@code update deployments.apps shop/web differs in spec.replicas}. */
  String line() {
    String item =
        action + " " + groupResource + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    return message.isEmpty() ? item : item + "  " + message;
  }

  /** The disposition a dry run recorded, as what a real run would do. */
  private static String action(Disposition disposition) {
    return switch (disposition) {
      case CREATED -> "create";
      case UPDATED -> "update";
      case RECREATED -> "recreate";
      case UNCHANGED -> "unchanged";
      case SKIPPED -> "skip";
      case NOT_RESTORED -> "not-restored";
      case FAILED -> "fail";
    };
  }
}
