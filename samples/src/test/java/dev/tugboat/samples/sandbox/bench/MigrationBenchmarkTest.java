package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the migration benchmark at a toy size so that it keeps working; it checks what was measured,
 * never how fast (timings belong to the benchmark run itself).
 */
class MigrationBenchmarkTest {

  @Test
  void migratesEveryApplicationOncePerParallelism(@TempDir Path directory) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    MigrationBenchmarkReport report =
        new MigrationBenchmark(
                2, Duration.ofMillis(200), new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run(directory);

    assertThat(report.runs())
        .extracting(MigrationMeasurement::parallelism, MigrationMeasurement::migrated)
        .containsExactly(tuple(1, 2), tuple(10, 2));
    assertThat(report.runs())
        .allSatisfy(
            run -> {
              assertThat(run.applicationNanos()).isPositive();
              assertThat(run.spanNanos()).isPositive();
              assertThat(run.nanos()).isGreaterThan(run.spanNanos());
            });
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            migration benchmark: backing up a sandbox seeded with generated:2x10
            migration benchmark: tugboat migrate, parallelism 1
            migration benchmark: tugboat migrate, parallelism 10
            """);
    assertThat(report.format())
        .containsPattern("(?m)^(PASS|FAIL): parallelism 1 within 1.5x of the ideal ")
        .containsPattern("(?m)^(PASS|FAIL): parallelism 10 within 1.5x of the ideal ");
  }
}
