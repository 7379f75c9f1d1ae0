package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityBenchmarkReportTest {

  private static final long MS = 1_000_000L;

  @Test
  void eachStepBetweenSizesIsComparedWithTwiceTheNLogNRatio() {
    CapacityBenchmarkReport report =
        new CapacityBenchmarkReport(
            30,
            5,
            List.of(
                new CapacityMeasurement(100, 82, 1_000, 2 * MS, 10 * MS, 6),
                // fits: 50x, over 2 x 15; ladder: 29x, within
                new CapacityMeasurement(1_000, 802, 10_000, 100 * MS, 290 * MS, 6),
                // fits: 10x, within 2 x 6.16; ladder: 13x, over 12.33
                new CapacityMeasurement(5_000, 4_002, 50_000, 1_000 * MS, 3_770 * MS, 6)));

    assertThat(CapacityBenchmarkReport.nLogNRatio(100, 1_000)).isCloseTo(15.0, within(1e-9));
    assertThat(report.withinBound()).isFalse();
    assertThat(report.format())
        .endsWith(
            """
            |  nodes | workloads | replicas |   ms fits | ms ladder | simulations |
            |--------|-----------|----------|-----------|-----------|-------------|
            |    100 |        82 |    1,000 |       2.0 |      10.0 |           6 |
            |  1,000 |       802 |   10,000 |     100.0 |     290.0 |           6 |
            |  5,000 |     4,002 |   50,000 |    1000.0 |    3770.0 |           6 |
            Simulations: the ladder plan's spread packings, the first and one per ladder step (the \
            fits plan runs one); every plan adds one best-fit packing.
            FAIL: fits, time(1000)/time(100) = 50.00, within 2x the n log n ratio 15.00
            PASS: ladder, time(1000)/time(100) = 29.00, within 2x the n log n ratio 15.00
            PASS: fits, time(5000)/time(1000) = 10.00, within 2x the n log n ratio 6.16
            FAIL: ladder, time(5000)/time(1000) = 13.00, within 2x the n log n ratio 6.16
            """);
    assertThat(report.format()).contains("Median of 5 plans after 30 warm-up plans.");
  }

  @Test
  void growthWithinTheBoundEverywherePasses() {
    CapacityBenchmarkReport report =
        new CapacityBenchmarkReport(
            1,
            1,
            List.of(
                new CapacityMeasurement(100, 82, 1_000, 2 * MS, 10 * MS, 6),
                new CapacityMeasurement(1_000, 802, 10_000, 20 * MS, 100 * MS, 6)));

    assertThat(report.withinBound()).isTrue();
    assertThat(report.format()).doesNotContain("FAIL");
  }
}
