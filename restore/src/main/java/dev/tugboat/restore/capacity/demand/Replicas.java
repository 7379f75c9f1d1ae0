package dev.tugboat.restore.capacity.demand;

/**
 * How many replicas a workload runs: a fixed count, or one on every node it is eligible for (a
 * DaemonSet), which only the target's nodes can turn into a count.
 */
public record Replicas(int count, boolean onePerEligibleNode) {

  /** A DaemonSet's. */
  public static final Replicas ONE_PER_ELIGIBLE_NODE = new Replicas(0, true);

  public Replicas {
    if (count < 0) {
      throw new IllegalArgumentException("replicas must not be negative: " + count);
    }
  }

  public static Replicas of(int count) {
    return new Replicas(count, false);
  }

  /** The count on a target where {@code eligibleNodes} nodes admit the workload. */
  public int on(int eligibleNodes) {
    return onePerEligibleNode ? eligibleNodes : count;
  }

  @Override
  public String toString() {
    return onePerEligibleNode ? "one per eligible node" : Integer.toString(count);
  }
}
