package dev.tugboat.samples.sandbox.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the {@link MigrationBenchmark} from Maven: {@code ./mvnw -pl samples verify -Pbenchmark}.
 * Not a test: its name matches none of Surefire's default patterns, so only the {@code benchmark}
 * profile of {@code samples/pom.xml} runs it and prints the report. {@link MigrationBenchmarkTest}
 * keeps the code working in the normal build.
 */
class MigrationBenchmarkRun {

  @Test
  void benchmark(@TempDir Path directory) throws Exception {
    MigrationBenchmarkReport report =
        new MigrationBenchmark(
                MigrationBenchmark.STANDARD_APPLICATIONS,
                MigrationBenchmark.STANDARD_KUBELET_START_DELAY,
                System.out)
            .run(directory);
    System.out.print(report.format());
  }
}
