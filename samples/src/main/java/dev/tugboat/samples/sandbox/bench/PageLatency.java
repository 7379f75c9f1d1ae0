package dev.tugboat.samples.sandbox.bench;

import java.util.Arrays;

/**
 * The median and 99th percentile of list page latencies, in milliseconds.
 *
 * @param pages how many pages were timed
 */
public record PageLatency(double p50Millis, double p99Millis, int pages) {

  /** The nearest-rank percentiles of {@code nanos}, which must not be empty. */
  static PageLatency of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no page was timed");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new PageLatency(
        percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, sorted.length);
  }

  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
