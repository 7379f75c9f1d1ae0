package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the restore benchmark at a toy size so that it keeps working; it checks what was measured,
 * never how fast (timings belong to the benchmark run itself).
 */
class RestoreBenchmarkTest {

  /** The seed's 2 namespaces and their 5 objects each. */
  private static final long TOY_OBJECTS = 2 + 2 * 5;

  @Test
  void restoresTheWholeBackupOncePerParallelism(@TempDir Path directory) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    RestoreBenchmarkReport report =
        new RestoreBenchmark(
                "generated:2x5", new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run(directory);

    assertThat(report.runs())
        .extracting(RestoreMeasurement::parallelism, RestoreMeasurement::objects)
        .containsExactly(tuple(1, TOY_OBJECTS), tuple(16, TOY_OBJECTS));
    assertThat(report.startUpNanos()).isPositive();
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            restore benchmark: backing up a sandbox seeded with generated:2x5
            restore benchmark: Tugboat start-up
            restore benchmark: tugboat restore create --parallelism 1
            restore benchmark: tugboat restore create --parallelism 16
            """);
    assertThat(report.format())
        .containsPattern("(?m)^(PASS|FAIL): parallelism 16 at least 8.0x as fast as parallelism 1 ")
        .containsPattern("(?m)^(PASS|FAIL): at most 1.05 API requests per object ");
  }
}
