package dev.tugboat.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and reads 50,000 items (over 100 MB of JSON with both copies) in a JVM whose heap is 32
 * MB: it only passes if neither direction holds the archive in memory.
 */
class StreamingArchiveTest {

  @Test
  void writesAndReadsAnArchiveFarLargerThanTheHeap(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("backup.tar.gz");
    Process child =
        ChildJvm.start(
            StreamingArchiveChild.class,
            List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"),
            List.of(archive.toString()));

    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A safety net against a hung child, not a performance assertion.
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as(output).isTrue();

    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("written items=50000")
        .contains("read format=1.1.0 items=50000 copies=100000");
  }
}
