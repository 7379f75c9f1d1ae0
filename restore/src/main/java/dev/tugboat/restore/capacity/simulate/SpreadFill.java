package dev.tugboat.restore.capacity.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spread: each replica goes to the node with the most free room of its dominant resource (ties to
 * the earlier node), what the default scheduler's LeastAllocated scoring and spreading do; the
 * go/no-go decision uses it.
 *
 * <p>Batching, and why it is exact. Let q be the replica's dominant amount. Placing replicas one by
 * one, node n (free room v) offers its j-th replica when its room is v - j·q, for j below its
 * capacity c (fitting on every resource, the per-node cap). These offers form a strictly decreasing
 * sequence per node, and one-by-one placement always takes the largest offer left among all nodes:
 * that is a merge of sorted sequences, so the replicas placed are exactly the R largest offers, in
 * the order (room descending, node ascending). Write v = a·q + r with 0 ≤ r &lt; q: the offer j
 * sits at level a - j with remainder r, and offers compare by level, then by remainder
 * (descending), then by node. Node n thus has one offer on every level in [a - c + 1, a]. So: sweep
 * the levels from the top over the 2N interval ends (sorted once), counting the offers above each
 * level, to find the level ℓ where the R-th offer lies; every node takes its offers above ℓ, and
 * the offers left go to the nodes with an offer on ℓ, by remainder descending then node. Two sorts
 * and two passes: O(N log N), whatever the replica count; no priority queue of single replicas.
 */
final class SpreadFill {

  private record Level(long level, int delta) {}

  private SpreadFill() {}

  /**
   * @param step the replica's amount of the dominant resource, above 0
   * @return how many replicas each candidate takes, in the candidates' order
   */
  static long[] fill(List<Candidate> candidates, long step, long replicas, WorkCounter counter) {
    long[] taken = new long[candidates.size()];
    long offers = 0;
    for (Candidate candidate : candidates) {
      offers += candidate.room();
    }
    if (offers <= replicas) {
      for (int index = 0; index < taken.length; index++) {
        counter.nodeVisited();
        taken[index] = candidates.get(index).room();
      }
      return taken;
    }
    long level = levelOfLastOffer(candidates, step, replicas, counter);
    List<Integer> onLevel = new ArrayList<>();
    long above = 0;
    for (int index = 0; index < taken.length; index++) {
      counter.nodeVisited();
      Candidate candidate = candidates.get(index);
      long top = top(candidate, step);
      taken[index] = Math.max(0, Math.min(top - level, candidate.room()));
      above += taken[index];
      if (bottom(candidate, step) <= level && level <= top) {
        onLevel.add(index);
      }
    }
    onLevel.sort(
        Comparator.<Integer>comparingLong(
                index -> -Math.floorMod(candidates.get(index).dominantFree(), step))
            .thenComparingInt(index -> candidates.get(index).node()));
    for (int rank = 0; rank < replicas - above; rank++) {
      counter.nodeVisited();
      taken[onLevel.get(rank)]++;
    }
    return taken;
  }

  /** The highest level at or above which there are at least {@code replicas} offers. */
  private static long levelOfLastOffer(
      List<Candidate> candidates, long step, long replicas, WorkCounter counter) {
    List<Level> ends = new ArrayList<>();
    for (Candidate candidate : candidates) {
      counter.nodeVisited();
      ends.add(new Level(top(candidate, step), 1));
      ends.add(new Level(bottom(candidate, step) - 1, -1));
    }
    ends.sort(
        (a, b) -> {
          counter.nodeVisited();
          return Long.compare(b.level(), a.level());
        });
    long offersAbove = 0;
    long nodesOnLevel = 0;
    int next = 0;
    while (true) {
      long level = ends.get(next).level();
      while (next < ends.size() && ends.get(next).level() == level) {
        nodesOnLevel += ends.get(next).delta();
        next++;
      }
      // Levels in (ends[next], level] each hold nodesOnLevel offers; the caller has more offers
      // than replicas, so the sweep ends on a level before running out of interval ends.
      long needed = replicas - offersAbove;
      long levelsInBand = level - ends.get(next).level();
      if (nodesOnLevel > 0) {
        long levelsNeeded = (needed + nodesOnLevel - 1) / nodesOnLevel;
        if (levelsNeeded <= levelsInBand) {
          return level - levelsNeeded + 1;
        }
        offersAbove += nodesOnLevel * levelsInBand;
      }
    }
  }

  private static long top(Candidate candidate, long step) {
    return Math.floorDiv(candidate.dominantFree(), step);
  }

  private static long bottom(Candidate candidate, long step) {
    return top(candidate, step) - candidate.room() + 1;
  }
}
