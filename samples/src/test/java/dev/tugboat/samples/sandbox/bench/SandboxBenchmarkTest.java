package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark at toy sizes so that it keeps working; it checks what was measured, never how
 * fast (timings belong to the benchmark run itself).
 */
class SandboxBenchmarkTest {

  // 20 objects per namespace and pages of 15: both kinds of list take several pages per pass, and
  // the benchmark checks that every complete pass lists all stored objects; 4 pages in each of 3
  // rounds complete at least one pass of all 100 objects
  private static final BenchmarkPlan TOY =
      new BenchmarkPlan(List.of(50, 100), 20, 2, 10, 30, 10, 4, 15, 1, 2);

  @Test
  void measuresEveryOperationAtEverySize() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BenchmarkReport report =
        new SandboxBenchmark(TOY, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

    assertThat(report.steps()).extracting(StepResult::storedObjects).containsExactly(50, 100);
    assertThat(report.steps())
        .allSatisfy(
            step -> {
              assertThat(step.createsPerSecond()).isPositive();
              assertThat(step.getsPerSecond()).isPositive();
              assertThat(step.updatesPerSecond()).isPositive();
              // the measured rounds' pages; the warm-up round's are discarded
              assertThat(step.namespacePages().pages()).isEqualTo(8);
              assertThat(step.allNamespacesPages().pages()).isEqualTo(8);
            });
    assertThat(report.heapUsedBytes()).isPositive();
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            benchmark: filling a sandbox with 50 ConfigMaps
            benchmark: filling a sandbox with 100 ConfigMaps
            benchmark: warm-up round 1 of 1
            benchmark: round 1 of 2
            benchmark: round 2 of 2
            """);
    // a verdict either way: at toy sizes the timings are noise, and FAIL lines also name the
    // operations beyond
    assertThat(report.format())
        .containsPattern("(?m)^(PASS|FAIL): per-operation cost within 2x from 50 to 100 objects")
        .containsPattern("(?m)^(PASS|FAIL): 100 objects fit in a 1 GiB heap");
  }
}
