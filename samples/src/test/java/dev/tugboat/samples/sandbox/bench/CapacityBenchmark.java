package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityInput;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.CapacityPlanner;
import dev.tugboat.restore.capacity.planner.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures {@link CapacityPlanner#plan} on the {@link CapacityScenario} at several cluster sizes,
 * in this JVM: once with demand that fits, once with every request 2.5x as large (about 1.5x the
 * cluster's room), so that the ladder steps tiers down and simulates again after each step. The JIT
 * is warmed up on the smallest size first; each time is the median of several plans.
 *
 * <p>A measurement, not a test: a missed growth bound prints FAIL in the {@link
 * CapacityBenchmarkReport}; a scenario that does not give the verdict it is built for throws, since
 * its time would not measure what the report says. Run it with {@code ./mvnw -pl samples verify
 * -Pbenchmark}.
 */
final class CapacityBenchmark {

  /** The sizes. */
  static final List<Integer> STANDARD_SIZES = List.of(100, 1_000, 5_000);

  /** Fits: about 60% of the cluster's cpu and memory. */
  static final double FITS_FACTOR = 1.0;

  /** About 150% of the cluster's cpu and memory. */
  static final double LADDER_FACTOR = 2.5;

  private final List<Integer> sizes;
  private final int warmUps;
  private final int runs;
  private final PrintStream progress;

  /**
   * @param sizes node counts, ascending, multiples of {@link CapacityScenario#BLOCK}
   * @param warmUps plans of both scenarios at the smallest size before anything is timed
   * @param runs timed plans per size and scenario, of which the median counts
   * @param progress where to say which size runs; the report is returned, not printed
   */
  CapacityBenchmark(List<Integer> sizes, int warmUps, int runs, PrintStream progress) {
    this.sizes = List.copyOf(sizes);
    this.warmUps = warmUps;
    this.runs = runs;
    this.progress = progress;
  }

  CapacityBenchmarkReport run() {
    progress.printf("capacity benchmark: warm-up, %d plans of %d nodes%n", warmUps, sizes.get(0));
    CapacityInput smallFits = CapacityScenario.input(sizes.get(0), FITS_FACTOR);
    CapacityInput smallLadder = CapacityScenario.input(sizes.get(0), LADDER_FACTOR);
    for (int round = 0; round < warmUps; round++) {
      CapacityPlanner.plan(smallFits);
      CapacityPlanner.plan(smallLadder);
    }
    List<CapacityMeasurement> measurements = new ArrayList<>();
    for (int nodes : sizes) {
      progress.printf("capacity benchmark: %d nodes%n", nodes);
      CapacityInput fits = CapacityScenario.input(nodes, FITS_FACTOR);
      CapacityInput ladder = CapacityScenario.input(nodes, LADDER_FACTOR);
      CapacityPlan fitsPlan = expect(CapacityPlanner.plan(fits), Verdict.FITS, nodes);
      CapacityPlan ladderPlan =
          expect(CapacityPlanner.plan(ladder), Verdict.FITS_WITH_DOWNGRADE, nodes);
      measurements.add(
          new CapacityMeasurement(
              nodes,
              fits.applications().applications().stream()
                  .mapToInt(application -> application.workloads().size())
                  .sum(),
              fitsPlan.applications().stream().mapToInt(ApplicationResult::sourceReplicas).sum(),
              median(fits),
              median(ladder),
              1 + ladderPlan.steps().size()));
    }
    return new CapacityBenchmarkReport(warmUps, runs, measurements);
  }

  private static CapacityPlan expect(CapacityPlan plan, Verdict verdict, int nodes) {
    if (plan.verdict() != verdict) {
      throw new IllegalStateException(
          "the capacity benchmark's scenario on "
              + nodes
              + " nodes should give "
              + verdict
              + ", the planner said "
              + plan.verdict());
    }
    return plan;
  }

  private long median(CapacityInput input) {
    long[] nanos = new long[runs];
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      CapacityPlanner.plan(input);
      nanos[run] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[runs / 2];
  }
}
