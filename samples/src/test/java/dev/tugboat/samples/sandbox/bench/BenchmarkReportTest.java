package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  private static final BenchmarkPlan PLAN =
      new BenchmarkPlan(List.of(1_000, 100_000), 1_000, 8, 1_000, 100, 100, 10, 500, 0, 1);
  private static final long MIB = 1 << 20;

  private static final StepResult SMALL =
      new StepResult(
          1_000, 4_000, 10_000, 5_000, new PageLatency(4, 6, 10), new PageLatency(5, 8, 10));

  @Test
  void slowdownsAreCostRatiosLargestOverSmallest() {
    StepResult large =
        new StepResult(
            100_000, 2_000, 10_000, 4_000, new PageLatency(6, 9, 10), new PageLatency(15, 20, 10));

    BenchmarkReport report = new BenchmarkReport(PLAN, List.of(SMALL, large), 300 * MIB, 1 << 30);

    assertThat(report.slowdowns())
        .containsExactly(
            entry("create", 2.0),
            entry("get", 1.0),
            entry("update", 1.25),
            entry("namespace page", 1.5),
            entry("all-namespaces page", 3.0));
    assertThat(report.costWithinAllowedSlowdown()).isFalse();
    assertThat(report.fitsHeapBudget()).isTrue();
    assertThat(report.format())
        .contains(
            "\nFAIL: per-operation cost within 2x from 1,000 to 100,000 objects (beyond:"
                + " all-namespaces page 3.000x)\n")
        .endsWith("\nPASS: 100,000 objects fit in a 1 GiB heap (300 MiB used after GC)\n");
  }

  @Test
  void printsTheTableAndAVerdictPerLimit() {
    StepResult large =
        new StepResult(
            100_000, 3_000, 9_000, 4_000, new PageLatency(5, 7, 10), new PageLatency(6, 9, 10));

    String text = new BenchmarkReport(PLAN, List.of(SMALL, large), 1_100 * MIB, 2L << 30).format();

    assertThat(text)
        .isEqualTo(
            """
            Sandbox API server: ConfigMaps of ~1 KiB, 1,000 per namespace; 8 client threads \
            (official Java client over HTTP); list pages of limit=500; max heap 2,048 MiB
            | stored objects | creates/s |    gets/s | updates/s | namespace page ms p50/p99 \
            | all-namespaces page ms p50/p99 |
            |----------------|-----------|-----------|-----------|---------------------------\
            |--------------------------------|
            |          1,000 |     4,000 |    10,000 |     5,000 |         4.0 /         6.0 \
            |           5.0 /            8.0 |
            |        100,000 |     3,000 |     9,000 |     4,000 |         5.0 /         7.0 \
            |           6.0 /            9.0 |
            Cost per operation at 100,000 vs 1,000 objects:  create 1.33x  get 1.11x  update \
            1.25x  namespace page 1.25x  all-namespaces page 1.20x
            Heap used after GC with 100,000 objects stored: 1,100 MiB
            PASS: per-operation cost within 2x from 1,000 to 100,000 objects
            FAIL: 100,000 objects fit in a 1 GiB heap (1,100 MiB used after GC)
            """);
  }
}
