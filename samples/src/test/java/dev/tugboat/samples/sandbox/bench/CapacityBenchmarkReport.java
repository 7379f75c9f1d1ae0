package dev.tugboat.samples.sandbox.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The results of a {@link CapacityBenchmark} run, as a table, and issue 6's growth bound: from one
 * size to the next, the planning time may grow by at most {@link #TOLERANCE} times the growth of n
 * log n, in both scenarios.
 *
 * @param warmUps plans run before anything was timed
 * @param runs timed plans per size and scenario, of which the median is shown
 * @param measurements one per size, ascending
 */
record CapacityBenchmarkReport(int warmUps, int runs, List<CapacityMeasurement> measurements) {

  /** How far above the n log n ratio a measured ratio may be, for noise and cache effects. */
  static final double TOLERANCE = 2.0;

  CapacityBenchmarkReport {
    measurements = List.copyOf(measurements);
  }

  /** {@code (larger · log larger) / (smaller · log smaller)}. */
  static double nLogNRatio(int smaller, int larger) {
    return larger * Math.log(larger) / (smaller * Math.log(smaller));
  }

  /** Whether every step from one size to the next stays within the bound, in both scenarios. */
  boolean withinBound() {
    for (int index = 1; index < measurements.size(); index++) {
      CapacityMeasurement smaller = measurements.get(index - 1);
      CapacityMeasurement larger = measurements.get(index);
      if (!within(smaller, larger, CapacityMeasurement::fitsNanos)
          || !within(smaller, larger, CapacityMeasurement::ladderNanos)) {
        return false;
      }
    }
    return true;
  }

  private static boolean within(
      CapacityMeasurement smaller,
      CapacityMeasurement larger,
      ToLongFunction<CapacityMeasurement> nanos) {
    return ratio(smaller, larger, nanos) <= TOLERANCE * nLogNRatio(smaller.nodes(), larger.nodes());
  }

  private static double ratio(
      CapacityMeasurement smaller,
      CapacityMeasurement larger,
      ToLongFunction<CapacityMeasurement> nanos) {
    return (double) nanos.applyAsLong(larger) / nanos.applyAsLong(smaller);
  }

  /** The table, its footnotes and a PASS or FAIL line per scenario and step between sizes. */
  String format() {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "Capacity planning (CapacityPlanner.plan, in the benchmark's JVM) of empty 8 cpu / 32Gi /"
            + " 110 pod nodes, 10 pods' worth of demand per node: 2 DaemonSets and, per 10 nodes,"
            + " 4 applications (tiers 0-3) of 2 workloads of 10 replicas. Fits: about 60%% of the"
            + " cluster's cpu and memory. Ladder: every request 2.5x (about 150%%), downgrade, ladder"
            + " 1.0/0.75/0.5/0.25, floor 2. Median of %d plans after %d warm-up plans.",
        runs,
        warmUps);
    line(
        out,
        "| %6s | %9s | %8s | %9s | %9s | %11s |",
        "nodes",
        "workloads",
        "replicas",
        "ms fits",
        "ms ladder",
        "simulations");
    line(
        out,
        "|%s|%s|%s|%s|%s|%s|",
        dashes(8),
        dashes(11),
        dashes(10),
        dashes(11),
        dashes(11),
        dashes(13));
    for (CapacityMeasurement measurement : measurements) {
      line(
          out,
          "| %,6d | %,9d | %,8d | %9.1f | %9.1f | %11d |",
          measurement.nodes(),
          measurement.workloads(),
          measurement.replicas(),
          measurement.fitsNanos() / 1e6,
          measurement.ladderNanos() / 1e6,
          measurement.ladderSimulations());
    }
    line(
        out,
        "Simulations: the ladder plan's spread packings, the first and one per ladder step (the"
            + " fits plan runs one); every plan adds one best-fit packing.");
    for (int index = 1; index < measurements.size(); index++) {
      CapacityMeasurement smaller = measurements.get(index - 1);
      CapacityMeasurement larger = measurements.get(index);
      growth(out, "fits", smaller, larger, CapacityMeasurement::fitsNanos);
      growth(out, "ladder", smaller, larger, CapacityMeasurement::ladderNanos);
    }
    return out.toString();
  }

  private static void growth(
      StringBuilder out,
      String scenario,
      CapacityMeasurement smaller,
      CapacityMeasurement larger,
      ToLongFunction<CapacityMeasurement> nanos) {
    double bound = nLogNRatio(smaller.nodes(), larger.nodes());
    line(
        out,
        "%s: %s, time(%d)/time(%d) = %.2f, within %.0fx the n log n ratio %.2f",
        within(smaller, larger, nanos) ? "PASS" : "FAIL",
        scenario,
        larger.nodes(),
        smaller.nodes(),
        ratio(smaller, larger, nanos),
        TOLERANCE,
        bound);
  }

  private static String dashes(int count) {
    return "-".repeat(count);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
