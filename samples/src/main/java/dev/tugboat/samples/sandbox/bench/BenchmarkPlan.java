package dev.tugboat.samples.sandbox.bench;

import java.util.List;

/**
 * What the {@link SandboxBenchmark} does at each stored size.
 *
 * @param sizes the numbers of stored ConfigMaps to measure at, ascending; each gets a sandbox
 * @param objectsPerNamespace ConfigMaps per namespace; constant, so that a namespace's list pages
 *     have the same size at every stored size and only the total grows
 * @param threads client threads of the create, get and update measurements
 * @param timedCreates the last ConfigMaps of each sandbox, deleted and created again in every round
 *     to time creates
 * @param gets gets of random stored objects per round
 * @param updates updates (PUT) of random stored objects per round
 * @param pages list pages timed per round, of one namespace and again of all namespaces
 * @param pageLimit the {@code limit} of every LIST request
 * @param warmUpRounds rounds run before the measured ones and not reported
 * @param rounds measured rounds; a rate is the median of its rounds, page latencies are over the
 *     pages of all rounds
 */
public record BenchmarkPlan(
    List<Integer> sizes,
    int objectsPerNamespace,
    int threads,
    int timedCreates,
    int gets,
    int updates,
    int pages,
    int pageLimit,
    int warmUpRounds,
    int rounds) {

  public BenchmarkPlan {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("a benchmark plan needs at least one size");
    }
    for (int i = 1; i < sizes.size(); i++) {
      if (sizes.get(i) <= sizes.get(i - 1)) {
        throw new IllegalArgumentException("sizes must ascend: " + sizes);
      }
    }
    if (objectsPerNamespace < 1
        || threads < 1
        || timedCreates < 1
        || gets < 1
        || updates < 1
        || pages < 1
        || pageLimit < 1
        || rounds < 1) {
      throw new IllegalArgumentException(
          "objects per namespace, threads, timed creates, gets, updates, pages, page limit and"
              + " rounds must be positive");
    }
    if (warmUpRounds < 0) {
      throw new IllegalArgumentException("warm-up rounds must not be negative: " + warmUpRounds);
    }
    if (timedCreates > sizes.get(0)) {
      throw new IllegalArgumentException(
          "timed creates (" + timedCreates + ") exceed the smallest size (" + sizes.get(0) + ")");
    }
  }

  /**
   * The benchmark: 1k, 10k and 100k ConfigMaps of about 1 KiB, 8 client threads, the last
   * 1k creates timed, pages of 500.
   */
  public static BenchmarkPlan standard() {
    return new BenchmarkPlan(
        List.of(1_000, 10_000, 100_000), 1_000, 8, 1_000, 4_000, 1_000, 40, 500, 1, 5);
  }

  public int smallestSize() {
    return sizes.get(0);
  }

  /** The largest stored size, the one the heap is measured at. */
  public int largestSize() {
    return sizes.get(sizes.size() - 1);
  }
}
