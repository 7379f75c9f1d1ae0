package dev.tugboat.restore.capacity.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batched fills place exactly what placing replicas one at a time would, checked against a
 * one-at-a-time reference on many seeded inputs, ties included.
 */
class FillEquivalenceTest {

  private static final int CASES = 2000;

  @Test
  void spreadFillMatchesOneReplicaAtATime() {
    Random random = new Random(6);
    for (int run = 0; run < CASES; run++) {
      long step = 1 + random.nextInt(4);
      List<Candidate> candidates = candidates(random, step);
      long replicas = 1 + random.nextInt(40);

      assertThat(SpreadFill.fill(candidates, step, replicas, new WorkCounter()))
          .as("case %d: %s step %d replicas %d", run, candidates, step, replicas)
          .containsExactly(oneAtATime(candidates, step, replicas, true));
    }
  }

  @Test
  void bestFitFillMatchesOneReplicaAtATime() {
    Random random = new Random(7);
    for (int run = 0; run < CASES; run++) {
      long step = 1 + random.nextInt(4);
      List<Candidate> candidates = candidates(random, step);
      long replicas = 1 + random.nextInt(40);

      assertThat(BestFitFill.fill(candidates, replicas, new WorkCounter()))
          .as("case %d: %s step %d replicas %d", run, candidates, step, replicas)
          .containsExactly(oneAtATime(candidates, step, replicas, false));
    }
  }

  /** Free room 0..20 steps plus a remainder, so that ties and equal levels are frequent. */
  private static List<Candidate> candidates(Random random, long step) {
    List<Candidate> candidates = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int node = 0; node < count; node++) {
      long free = step * (1 + random.nextInt(8)) + random.nextInt((int) step);
      long room = 1 + random.nextInt((int) (free / step));
      candidates.add(new Candidate(node * 2, free, room));
    }
    return candidates;
  }

  private static long[] oneAtATime(
      List<Candidate> candidates, long step, long replicas, boolean mostFree) {
    long[] taken = new long[candidates.size()];
    for (long placed = 0; placed < replicas; placed++) {
      int chosen = -1;
      for (int index = 0; index < candidates.size(); index++) {
        if (taken[index] == candidates.get(index).room()) {
          continue;
        }
        if (chosen < 0) {
          chosen = index;
          continue;
        }
        long free = candidates.get(index).dominantFree() - taken[index] * step;
        long best = candidates.get(chosen).dominantFree() - taken[chosen] * step;
        if (mostFree ? free > best : free < best) {
          chosen = index;
        }
      }
      if (chosen < 0) {
        break;
      }
      taken[chosen]++;
    }
    return taken;
  }
}
