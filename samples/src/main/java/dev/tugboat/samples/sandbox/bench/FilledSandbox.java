package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.samples.sandbox.Sandbox;
import dev.tugboat.samples.sandbox.SandboxOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A plain sandbox (no controllers) holding a fixed number of ConfigMaps, and the samples measured
 * on it round after round. The objects are created through the official client, {@link
 * BenchmarkPlan#threads} at a time.
 */
final class FilledSandbox implements AutoCloseable {

  private final BenchmarkPlan plan;
  private final int size;
  private final Sandbox sandbox;
  private final ConfigMapClient client;
  private final Random random;
  private final List<Double> creates = new ArrayList<>();
  private final List<Double> gets = new ArrayList<>();
  private final List<Double> updates = new ArrayList<>();
  private final List<Long> namespacePageNanos = new ArrayList<>();
  private final List<Long> allNamespacesPageNanos = new ArrayList<>();
  private final PagedList namespaceList;
  private final PagedList allNamespacesList;
  private int nextRevision = 1;

  private FilledSandbox(BenchmarkPlan plan, int size, Sandbox sandbox) {
    this.plan = plan;
    this.size = size;
    this.sandbox = sandbox;
    this.client = new ConfigMapClient(sandbox.url(), plan.objectsPerNamespace(), plan.threads());
    this.random = new Random(size);
    String namespace = ConfigMapClient.namespace(0);
    this.namespaceList =
        new PagedList(
            Math.min(plan.objectsPerNamespace(), size),
            token -> client.listNamespace(namespace, plan.pageLimit(), token));
    this.allNamespacesList =
        new PagedList(size, token -> client.listAllNamespaces(plan.pageLimit(), token));
  }

  /** Starts a sandbox and stores {@code size} ConfigMaps in it. */
  static FilledSandbox start(BenchmarkPlan plan, int size)
      throws IOException, InterruptedException {
    Sandbox sandbox = Sandbox.start(SandboxOptions.builder().name("benchmark-" + size).build());
    FilledSandbox filled = new FilledSandbox(plan, size, sandbox);
    try {
      filled.fill();
    } catch (RuntimeException | InterruptedException e) {
      filled.close();
      throw e;
    }
    return filled;
  }

  /**
   * Measures every operation once: the last {@link BenchmarkPlan#timedCreates} ConfigMaps are
   * deleted and created again, then random ones are read and updated, then list pages are timed.
   * The store holds {@link #size} objects again afterwards.
   */
  void measureRound() throws InterruptedException {
    int timedFrom = size - plan.timedCreates();
    ParallelCalls.perSecond(plan.threads(), timedFrom, size, client::delete);
    creates.add(ParallelCalls.perSecond(plan.threads(), timedFrom, size, client::create));
    int[] getTargets = random.ints(plan.gets(), 0, size).toArray();
    gets.add(
        ParallelCalls.perSecond(
            plan.threads(), 0, getTargets.length, n -> client.get(getTargets[n])));
    int[] updateTargets = random.ints(plan.updates(), 0, size).toArray();
    // every update stores a new revision, so none is a no-op the server skips
    int firstRevision = nextRevision;
    nextRevision += updateTargets.length;
    updates.add(
        ParallelCalls.perSecond(
            plan.threads(),
            0,
            updateTargets.length,
            n -> client.update(updateTargets[n], firstRevision + n)));
    for (int i = 0; i < plan.pages(); i++) {
      namespacePageNanos.add(namespaceList.timeNextPage());
    }
    for (int i = 0; i < plan.pages(); i++) {
      allNamespacesPageNanos.add(allNamespacesList.timeNextPage());
    }
  }

  /** Forgets what the rounds so far measured: they warmed up. */
  void discardSamples() {
    creates.clear();
    gets.clear();
    updates.clear();
    namespacePageNanos.clear();
    allNamespacesPageNanos.clear();
  }

  /** The medians of the rates and the percentiles of every page timed since the last discard. */
  StepResult result() {
    return new StepResult(
        size,
        median(creates),
        median(gets),
        median(updates),
        PageLatency.of(namespacePageNanos.stream().mapToLong(Long::longValue).toArray()),
        PageLatency.of(allNamespacesPageNanos.stream().mapToLong(Long::longValue).toArray()));
  }

  @Override
  public void close() {
    client.close();
    sandbox.close();
  }

  private void fill() throws InterruptedException {
    int namespaces = (size - 1) / plan.objectsPerNamespace() + 1;
    for (int namespace = 0; namespace < namespaces; namespace++) {
      client.createNamespace(ConfigMapClient.namespace(namespace));
    }
    ParallelCalls.perSecond(plan.threads(), 0, size, client::create);
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      throw new IllegalStateException("no round was measured");
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * Pages through a list with {@code limit} and {@code continue}, starting over after the last
   * page, and checks that every complete pass lists all objects.
   */
  private static final class PagedList {

    private final int expectedItems;
    private final Function<String, ConfigMapClient.Page> list;
    private String continueToken;
    private int listed;

    PagedList(int expectedItems, Function<String, ConfigMapClient.Page> list) {
      this.expectedItems = expectedItems;
      this.list = list;
    }

    /** Fetches the next page; returns how long that took, in nanoseconds. */
    long timeNextPage() {
      long start = System.nanoTime();
      ConfigMapClient.Page page = list.apply(continueToken);
      long nanos = System.nanoTime() - start;
      listed += page.items();
      continueToken = page.continueToken();
      if (continueToken == null) {
        if (listed != expectedItems) {
          throw new IllegalStateException(
              "a complete paged list returned "
                  + listed
                  + " ConfigMaps; "
                  + expectedItems
                  + " are stored");
        }
        listed = 0;
      }
      return nanos;
    }
  }
}
