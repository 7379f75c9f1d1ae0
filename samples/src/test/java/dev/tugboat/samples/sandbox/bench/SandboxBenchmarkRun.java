package dev.tugboat.samples.sandbox.bench;

import org.junit.jupiter.api.Test;

/**
 * Starts the {@link SandboxBenchmark} from Maven: {@code ./mvnw -pl samples verify -Pbenchmark}.
 * Not a test: its name matches none of Surefire's default patterns, so only the {@code benchmark}
 * profile of {@code samples/pom.xml} runs it, in a JVM limited to a 1 GiB heap, and prints the
 * report. {@link SandboxBenchmarkTest} keeps the code working in the normal build.
 */
class SandboxBenchmarkRun {

  @Test
  void benchmark() throws Exception {
    SandboxBenchmark.main(new String[0]);
  }
}
