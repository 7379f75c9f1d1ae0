package dev.tugboat.restore.report;

/** What a restore did with one item, in the words of Velero's restored resource list. */
public enum ItemOutcome {
  /** The item did not exist in the cluster and was created. */
  CREATED("created"),
  /** The item existed and was patched to the backed-up version ({@code existingResourcePolicy}). */
  UPDATED("updated"),
  /** The item existed and was left as it was. */
  SKIPPED("skipped"),
  /** The item could not be restored; the reason is among the restore's errors. */
  FAILED("failed");

  private final String veleroName;

  ItemOutcome(String veleroName) {
    this.veleroName = veleroName;
  }

  /** The word in parentheses after the item in the resource list, e.g. {@code created}. */
  public String veleroName() {
    return veleroName;
  }
}
