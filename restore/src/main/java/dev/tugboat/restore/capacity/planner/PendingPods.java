package dev.tugboat.restore.capacity.planner;

/**
 * The target's pending pods, which the scheduler places before the migration's pods since they were
 * queued first: how many the snapshot found, and how many of them the spread simulation placed
 * ahead of the applications (those take room; one that fits nowhere takes none). An SRE reads here
 * why the room shrank.
 *
 * @param found pods of the target waiting for a node
 * @param placed of those, the pods the simulation placed
 */
public record PendingPods(int found, int placed) {

  /** A target where no pod waits. */
  public static final PendingPods NONE = new PendingPods(0, 0);

  public PendingPods {
    if (found < 0 || placed < 0 || placed > found) {
      throw new IllegalArgumentException(
          "pending pods: placed must be between 0 and found, got " + placed + " of " + found);
    }
  }

  /** E.g. {@code 3 found in the target, 2 placed ahead of the applications}, for a person. */
  public String summary() {
    return found + " found in the target, " + placed + " placed ahead of the applications";
  }
}
