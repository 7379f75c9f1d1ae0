package dev.tugboat.samples.sandbox.bench;

import org.junit.jupiter.api.Test;

/**
 * Starts the {@link BackupBenchmark} from Maven: {@code ./mvnw -pl samples verify -Pbenchmark}. Not
 * a test: its name matches none of Surefire's default patterns, so only the {@code benchmark}
 * profile of {@code samples/pom.xml} runs it and prints the report. The sandbox and Tugboat run in
 * JVMs of their own, with their own heaps. {@link BackupBenchmarkTest} keeps the code working in
 * the normal build.
 */
class BackupBenchmarkRun {

  @Test
  void benchmark() throws Exception {
    BackupBenchmark.main(new String[0]);
  }
}
