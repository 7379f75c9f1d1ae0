package dev.tugboat.samples.sandbox.bench;

import org.junit.jupiter.api.Test;

/**
 * Starts the {@link CapacityBenchmark} from Maven: {@code ./mvnw -pl samples verify -Pbenchmark}.
 * Not a test: its name matches none of Surefire's default patterns, so only the {@code benchmark}
 * profile of {@code samples/pom.xml} runs it and prints the report. {@link CapacityBenchmarkTest}
 * keeps the code working in the normal build.
 */
class CapacityBenchmarkRun {

  /** Enough plans of 100 nodes for the JIT to compile the planner's hot paths. */
  private static final int WARM_UPS = 30;

  private static final int RUNS = 3;

  @Test
  void benchmark() {
    CapacityBenchmarkReport report =
        new CapacityBenchmark(CapacityBenchmark.STANDARD_SIZES, WARM_UPS, RUNS, System.out).run();
    System.out.print(report.format());
  }
}
