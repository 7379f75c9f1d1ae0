package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationBenchmarkReportTest {

  private static final long SECOND = 1_000_000_000L;

  /** 50 applications of 4 s each, plus 6 s of fixed costs. */
  private static final MigrationMeasurement SEQUENTIAL =
      new MigrationMeasurement(1, 50, 206 * SECOND, 200 * SECOND, 199 * SECOND);

  @Test
  void theIdealDividesTheSequentialApplicationTimeByTheParallelism() {
    MigrationMeasurement parallel =
        new MigrationMeasurement(10, 50, 35 * SECOND, 260 * SECOND, 29 * SECOND);

    MigrationBenchmarkReport report = report(parallel);

    assertThat(report.perApplicationNanos()).isEqualTo(4 * SECOND);
    assertThat(report.fixedNanos()).isEqualTo(6 * SECOND);
    assertThat(report.idealNanos(parallel)).isEqualTo(20.0 * SECOND);
    assertThat(report.ratio(parallel)).isEqualTo(1.75);
    assertThat(report.met(SEQUENTIAL)).isTrue();
    assertThat(report.met(parallel)).isFalse();
    assertThat(report.allMet()).isFalse();
    assertThat(report.format())
        .endsWith(
            """
            |     N | parallelism |   wall s | per-app s |  ideal s |  ratio | target | met? |
            |-------|-------------|----------|-----------|----------|--------|--------|------|
            |    50 |           1 |   206.00 |      4.00 |   200.00 |  1.03x |   1.5x |  yes |
            |    50 |          10 |    35.00 |      4.00 |    20.00 |  1.75x |   1.5x |   no |
            Per-app: the mean application time (started to finished in the parallelism-1 report: \
            restore and readiness wait). Ideal: N / parallelism x per-app. Fixed costs of a run \
            (JVM, Spring, validation, capacity plan, report; the parallelism-1 wall time less its \
            applications' times): 6.00 s, part of every wall time.
            parallelism 1: 50 of 50 Migrated; mean application time 4.00 s; applications' span \
            (first start to last finish) 199.00 s, 1.00x the ideal
            parallelism 10: 50 of 50 Migrated; mean application time 5.20 s; applications' span \
            (first start to last finish) 29.00 s, 1.45x the ideal
            PASS: parallelism 1 within 1.5x of the ideal (1.03x)
            FAIL: parallelism 10 within 1.5x of the ideal (1.75x)
            """);
    assertThat(report.format())
        .startsWith(
            "Offline migration (`tugboat migrate`, source: a backup in a local store) of 50")
        .contains("pods become Ready 2000 ms after they start.\n");
  }

  @Test
  void aParallelRunWithinOneAndAHalfTimesTheIdealPasses() {
    MigrationMeasurement parallel =
        new MigrationMeasurement(10, 50, 30 * SECOND, 230 * SECOND, 24 * SECOND);

    MigrationBenchmarkReport report = report(parallel);

    assertThat(report.ratio(parallel)).isEqualTo(1.5);
    assertThat(report.allMet()).isTrue();
    assertThat(report.format()).doesNotContain("FAIL");
  }

  @Test
  void theSequentialRunComesFirst() {
    MigrationMeasurement parallel =
        new MigrationMeasurement(10, 50, 30 * SECOND, 230 * SECOND, 24 * SECOND);

    assertThatThrownBy(
            () ->
                new MigrationBenchmarkReport(
                    50, Duration.ofSeconds(2), "256m", List.of(parallel, SEQUENTIAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a migration benchmark report needs the sequential run (parallelism 1) first, got"
                + " [10, 1]");
  }

  private static MigrationBenchmarkReport report(MigrationMeasurement parallel) {
    return new MigrationBenchmarkReport(
        50, Duration.ofSeconds(2), "256m", List.of(SEQUENTIAL, parallel));
  }
}
