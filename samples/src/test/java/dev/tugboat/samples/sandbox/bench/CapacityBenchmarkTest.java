package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the capacity benchmark at a toy size so that it keeps working; it checks what was measured,
 * never how fast (timings belong to the benchmark run itself).
 */
class CapacityBenchmarkTest {

  @Test
  void measuresTenPodsPerNodeAndALadderOfSeveralSimulations() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    CapacityBenchmarkReport report =
        new CapacityBenchmark(
                List.of(20, 40), 1, 1, new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run();

    // 2 DaemonSets plus 8 workloads per 10 nodes; 10 replicas per node, 2 of them DaemonSet pods.
    // Ladder at 2.5x: the first simulation, tiers 3 and 2 down 0.75, 0.5, 0.25 and the floor
    // (8 steps), then tier 1 to 0.75 fits.
    assertThat(report.measurements())
        .extracting(
            CapacityMeasurement::nodes,
            CapacityMeasurement::workloads,
            CapacityMeasurement::replicas,
            CapacityMeasurement::ladderSimulations)
        .containsExactly(tuple(20, 18, 200, 10), tuple(40, 34, 400, 10));
    assertThat(report.measurements())
        .allSatisfy(
            measurement -> {
              assertThat(measurement.fitsNanos()).isPositive();
              assertThat(measurement.ladderNanos()).isPositive();
            });
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            capacity benchmark: warm-up, 1 plans of 20 nodes
            capacity benchmark: 20 nodes
            capacity benchmark: 40 nodes
            """);
    assertThat(report.format())
        .containsPattern(
            "(?m)^(PASS|FAIL): fits, time\\(40\\)/time\\(20\\) = [0-9.]+, within 2x the n log n"
                + " ratio 2.46$")
        .containsPattern("(?m)^(PASS|FAIL): ladder, time\\(40\\)/time\\(20\\) = ");
  }
}
