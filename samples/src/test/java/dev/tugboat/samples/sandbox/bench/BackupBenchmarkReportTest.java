package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BackupBenchmarkReportTest {

  private static final long MIB = 1 << 20;
  private static final long SECOND = 1_000_000_000L;

  private static final BackupMeasurement FLOOR_10K =
      new BackupMeasurement(10_000, 2 * SECOND, 60, 4_000_000, OptionalLong.empty());
  private static final BackupMeasurement FLOOR_100K =
      new BackupMeasurement(100_000, 20 * SECOND, 240, 40_000_000, OptionalLong.empty());

  @Test
  void ratiosAndHeapGrowthDecideTheVerdicts() {
    SizeResult small =
        new SizeResult(
            "generated:200x50",
            FLOOR_10K,
            new BackupMeasurement(10_000, 5 * SECOND, 280, 5_000_000, OptionalLong.of(20 * MIB)));
    SizeResult large =
        new SizeResult(
            "generated:1000x100",
            FLOOR_100K,
            new BackupMeasurement(
                100_000, 25 * SECOND, 1_000, 50_000_000, OptionalLong.of(32 * MIB)));

    BackupBenchmarkReport report =
        new BackupBenchmarkReport("256m", 4, 500, 2 * SECOND, List.of(small, large));

    assertThat(small.ratio()).isEqualTo(2.5);
    assertThat(small.ratioWithoutStartUp(2 * SECOND)).isEqualTo(1.5);
    assertThat(large.ratio()).isEqualTo(1.25);
    assertThat(report.withinRatio()).isFalse();
    assertThat(report.heapGrowth()).hasValue(1.6);
    assertThat(report.heapFlat()).isFalse();
    assertThat(report.format())
        .isEqualTo(
            """
            Backup of a sandbox in its own JVM (simulation off). Floor: the plan's LISTs over raw \
            HTTP, gzip of the pages, no Spring Batch. Tugboat: `tugboat backup create`, local \
            store, H2. Both: a fresh JVM with runner/jvm.options and -Xmx256m, timed from process \
            start to exit, 4 LISTs at once, pages of limit=500.
            | seed               | side    |   objects |   time s | objects/s | requests \
            |    gzip bytes |  peak live MiB | vs floor |
            |--------------------|---------|-----------|----------|-----------|----------\
            |---------------|----------------|----------|
            | generated:200x50   | floor   |    10,000 |     2.00 |     5,000 |       60 \
            |     4,000,000 |            n/a |    1.00x |
            | generated:200x50   | tugboat |    10,000 |     5.00 |     2,000 |      280 \
            |     5,000,000 |             20 |    2.50x |
            | generated:1000x100 | floor   |   100,000 |    20.00 |     5,000 |      240 \
            |    40,000,000 |            n/a |    1.00x |
            | generated:1000x100 | tugboat |   100,000 |    25.00 |     4,000 |    1,000 \
            |    50,000,000 |             32 |    1.25x |
            Tugboat start-up (JVM, Spring context, job repository: `tugboat version`): 2.00 s, \
            part of every Tugboat time above.
            Peak live heap: the most heap in use after a full GC, from -Xlog:gc of a second, \
            untimed Tugboat run of the same backup (same -Xmx) in which `jcmd GC.run` forces a \
            full GC every 0.5 s; the floor's is not measured. gzip bytes: Tugboat's tar.gz; the \
            floor's gzipped pages. Requests: counted by the sandbox.
            FAIL: Tugboat within 1.3x of the floor at generated:200x50 (2.50x; 1.50x without the \
            start-up)
            PASS: Tugboat within 1.3x of the floor at generated:1000x100 (1.25x; 1.15x without \
            the start-up)
            FAIL: peak heap flat, generated:1000x100 vs generated:200x50 within 1.5x (1.60x), \
            the larger backup completed with -Xmx256m
            """);
  }

  @Test
  void noHeapFigureIsNotFlat() {
    SizeResult only =
        new SizeResult(
            "generated:2x5",
            FLOOR_10K,
            new BackupMeasurement(10_000, 2 * SECOND, 60, 4_000_000, OptionalLong.empty()));

    BackupBenchmarkReport report = new BackupBenchmarkReport("256m", 4, 500, SECOND, List.of(only));

    assertThat(report.withinRatio()).isTrue();
    assertThat(report.heapGrowth()).isEmpty();
    assertThat(report.heapFlat()).isFalse();
    assertThat(report.format())
        .endsWith(
            "\nFAIL: peak heap flat, generated:2x5 vs generated:2x5 within 1.5x (not measured: no"
                + " full GC ran), the larger backup completed with -Xmx256m\n");
  }
}
