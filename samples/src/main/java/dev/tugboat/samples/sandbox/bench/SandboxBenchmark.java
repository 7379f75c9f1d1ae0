package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how the sandbox API server scales with the number of stored objects. For each size of
 * the {@link BenchmarkPlan} it fills a plain sandbox (no controllers) with ConfigMaps of about 1
 * KiB through the official Java client over HTTP; then, in rounds that visit every sandbox in turn,
 * it times creates, gets and updates from several client threads and single list pages (with {@code
 * limit} and {@code continue}) of one namespace and of all namespaces. Taking turns exposes every
 * size alike to JIT warm-up and to other load on the machine; the fill and the warm-up rounds warm
 * the JVM up before anything counts. The {@link BenchmarkReport} compares the per-operation cost at
 * the largest size with the smallest and gives the heap in use after a GC with only the largest
 * sandbox left.
 *
 * <p>A measurement, not a test: a result beyond the limits prints FAIL and does not throw. It
 * throws only when a request fails or the server answers wrongly. Run it with {@code ./mvnw -pl
 * samples verify -Pbenchmark}, which starts it in a JVM with a 1 GiB heap.
 */
public final class SandboxBenchmark {

  private final BenchmarkPlan plan;
  private final PrintStream progress;

  /**
   * @param progress where to say which phase runs; the report is returned, not printed
   */
  public SandboxBenchmark(BenchmarkPlan plan, PrintStream progress) {
    this.plan = plan;
    this.progress = progress;
  }

  /** Runs the {@link BenchmarkPlan#standard() standard plan} and prints its report. */
  public static void main(String[] args) throws IOException, InterruptedException {
    BenchmarkReport report = new SandboxBenchmark(BenchmarkPlan.standard(), System.out).run();
    System.out.print(report.format());
  }

  public BenchmarkReport run() throws IOException, InterruptedException {
    List<FilledSandbox> sandboxes = new ArrayList<>();
    try {
      for (int size : plan.sizes()) {
        progress.printf("benchmark: filling a sandbox with %,d ConfigMaps%n", size);
        sandboxes.add(FilledSandbox.start(plan, size));
      }
      for (int round = 1; round <= plan.warmUpRounds(); round++) {
        progress.printf("benchmark: warm-up round %d of %d%n", round, plan.warmUpRounds());
        for (FilledSandbox sandbox : sandboxes) {
          sandbox.measureRound();
          sandbox.discardSamples();
        }
      }
      for (int round = 1; round <= plan.rounds(); round++) {
        progress.printf("benchmark: round %d of %d%n", round, plan.rounds());
        for (FilledSandbox sandbox : sandboxes) {
          sandbox.measureRound();
        }
      }
      List<StepResult> steps = sandboxes.stream().map(FilledSandbox::result).toList();
      // only the largest sandbox stays, so that the heap holds just its objects
      while (sandboxes.size() > 1) {
        sandboxes.remove(0).close();
      }
      long heapUsed = heapUsedAfterGc();
      return new BenchmarkReport(plan, steps, heapUsed, Runtime.getRuntime().maxMemory());
    } finally {
      sandboxes.forEach(FilledSandbox::close);
    }
  }

  /** The heap in use once garbage is collected: what the stored objects and the server keep. */
  private static long heapUsedAfterGc() {
    // Two collections: the first may only finish what concurrent marking started.
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
