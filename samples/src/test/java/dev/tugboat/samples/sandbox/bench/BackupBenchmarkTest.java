package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the backup benchmark at a toy size so that it keeps working; it checks what was measured,
 * never how fast (timings belong to the benchmark run itself).
 */
class BackupBenchmarkTest {

  /**
   * The seed's 2 namespaces and their 5 objects each (all ConfigMaps: the first six of every ten
   * generated objects are), and the sandbox's 4 own namespaces (default, kube-system, kube-public,
   * kube-node-lease); with the simulation off, nothing else is made.
   */
  private static final long TOY_OBJECTS = 2 + 2 * 5 + 4;

  @Test
  void measuresTheFloorAndTugboatOnTheSameObjects() throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    BackupBenchmarkReport report =
        new BackupBenchmark(
                List.of("generated:2x5"), new PrintStream(progress, true, StandardCharsets.UTF_8))
            .run();

    assertThat(report.sizes()).hasSize(1);
    SizeResult size = report.sizes().get(0);
    assertThat(size.floor().objects()).isEqualTo(TOY_OBJECTS);
    assertThat(size.tugboat().objects()).isEqualTo(size.floor().objects());
    assertThat(size.floor().requests()).isPositive();
    assertThat(size.tugboat().requests()).isPositive();
    assertThat(size.floor().archiveBytes()).isPositive();
    assertThat(size.tugboat().archiveBytes()).isPositive();
    assertThat(report.startUpNanos()).isPositive();
    assertThat(size.tugboat().peakLiveHeapBytes()).isPresent();
    assertThat(size.tugboat().peakLiveHeapBytes().getAsLong()).isPositive();
    assertThat(size.floor().peakLiveHeapBytes()).isEmpty();
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            backup benchmark: starting a sandbox seeded with generated:2x5
            backup benchmark: generated:2x5: warm-up listing
            backup benchmark: generated:2x5: floor
            backup benchmark: Tugboat start-up
            backup benchmark: generated:2x5: tugboat backup create
            backup benchmark: generated:2x5: tugboat backup create, heap probed
            """);
    assertThat(report.format())
        .containsPattern("(?m)^(PASS|FAIL): Tugboat within 1.3x of the floor at generated:2x5 ");
  }
}
