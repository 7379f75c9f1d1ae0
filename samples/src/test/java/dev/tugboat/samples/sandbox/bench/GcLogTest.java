package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

  @TempDir Path directory;

  @Test
  void peakIsTheLargestHeapAfterAFullCollection() throws Exception {
    Path log = directory.resolve("gc.log");
    Files.writeString(
        log,
        """
        [0.004s][info][gc] Using G1
        [0.310s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
        [0.912s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 120M->41M(256M) 5.1ms
        [0.913s][info][gc] GC(2) Concurrent Mark Cycle
        [0.950s][info][gc] GC(2) Pause Remark 44M->44M(256M) 1.2ms
        [1.100s][info][gc] GC(3) Pause Full (System.gc()) 60M->30M(256M) 20.0ms
        [1.500s][info][gc] GC(4) Pause Young (Allocation Failure) 200M->12288K(247M) 8.0ms
        [1.800s][info][gc] GC(5) Pause Full (System.gc()) 90M->34816K(256M) 21.0ms
        [2.100s][info][gc] GC(6) Pause Full (System.gc()) 70M->31M(256M) 19.0ms
        """);

    // 34816K = 34 MiB; the young and remark pauses, though higher, do not count
    assertThat(GcLog.peakHeapAfterFullGc(log)).isEqualTo(OptionalLong.of(34L << 20));
  }

  @Test
  void noFullCollectionMeansNoPeak() throws Exception {
    Path log = directory.resolve("gc.log");
    Files.writeString(
        log,
        """
        [0.004s][info][gc] Using G1
        [0.310s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
        """);

    assertThat(GcLog.peakHeapAfterFullGc(log)).isEmpty();
  }
}
