package dev.tugboat.restore.capacity.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Best fit: each replica goes to the node with the least free room of its dominant resource that
 * still takes it; the optimistic packing bound.
 *
 * <p>Batching is exact: once a replica lands on the node with the least room, that node's room only
 * shrinks, so it stays the least and takes the next replica too, until it is full or the replicas
 * run out. The nodes are therefore filled in ascending order of room, each with as many replicas as
 * it can take: one sort and one pass, O(N log N) whatever the replica count.
 */
final class BestFitFill {

  private BestFitFill() {}

  /**
   * @return how many replicas each candidate takes, in the candidates' order
   */
  static long[] fill(List<Candidate> candidates, long replicas, WorkCounter counter) {
    List<Integer> order = new ArrayList<>();
    for (int index = 0; index < candidates.size(); index++) {
      order.add(index);
    }
    Comparator<Integer> leastRoomFirst =
        Comparator.<Integer>comparingLong(index -> candidates.get(index).dominantFree())
            .thenComparingInt(index -> candidates.get(index).node());
    order.sort(
        (a, b) -> {
          counter.nodeVisited();
          return leastRoomFirst.compare(a, b);
        });
    long[] taken = new long[candidates.size()];
    long remaining = replicas;
    for (int index : order) {
      if (remaining == 0) {
        break;
      }
      counter.nodeVisited();
      taken[index] = Math.min(candidates.get(index).room(), remaining);
      remaining -= taken[index];
    }
    return taken;
  }
}
