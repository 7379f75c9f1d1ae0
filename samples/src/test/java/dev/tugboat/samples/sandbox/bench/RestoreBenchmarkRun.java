package dev.tugboat.samples.sandbox.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the {@link RestoreBenchmark} from Maven: {@code ./mvnw -pl samples verify -Pbenchmark}.
 * Not a test: its name matches none of Surefire's default patterns, so only the {@code benchmark}
 * profile of {@code samples/pom.xml} runs it and prints the report. {@link RestoreBenchmarkTest}
 * keeps the code working in the normal build.
 */
class RestoreBenchmarkRun {

  @Test
  void benchmark(@TempDir Path directory) throws Exception {
    RestoreBenchmarkReport report =
        new RestoreBenchmark(RestoreBenchmark.STANDARD_SEED, System.out).run(directory);
    System.out.print(report.format());
  }
}
