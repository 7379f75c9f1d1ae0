package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.runner.TugboatApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code tugboat migrate --plan PLAN} as a process of its own, with the launcher's
 * JVM options and a bounded heap, under a fresh {@code TUGBOAT_HOME} (its own H2 job repository)
 * and against the local store that holds the plan's source backup, and times it from the outside:
 * process start to exit. Readiness is polled at Tugboat's default interval, as in production.
 */
final class TugboatMigrateProcess {

  private static final long TIMEOUT_MINUTES = 30;

  private final String maxHeap;
  private final Path store;

  /**
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 256m}
   * @param store the local store that holds the plan's source backup; the report goes there too
   */
  TugboatMigrateProcess(String maxHeap, Path store) {
    this.maxHeap = maxHeap;
    this.store = store;
  }

  /**
   * @param directory where the child's home and output ({@code tugboat.log}) go
   * @return the wall-clock nanoseconds from process start to exit
   * @throws IllegalStateException when the migration exits with another code than 0 (Completed),
   *     with its output
   */
  long migrate(Path plan, Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    List<String> arguments =
        List.of("migrate", "--store", store.toString(), "--plan", plan.toString());
    Path output = directory.resolve("tugboat.log");
    long start = System.nanoTime();
    Process process =
        ChildProcess.start(
            TugboatApplication.class,
            Stream.concat(LauncherJvmOptions.read().stream(), Stream.of("-Xmx" + maxHeap)).toList(),
            Map.of("TUGBOAT_HOME", directory.resolve("home").toString()),
            arguments,
            output);
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "tugboat migrate --plan "
              + plan
              + " did not finish within "
              + TIMEOUT_MINUTES
              + " minutes");
    }
    long nanos = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "tugboat migrate --plan "
              + plan
              + " exited with code "
              + process.exitValue()
              + " (heap -Xmx"
              + maxHeap
              + "): "
              + Files.readString(output, StandardCharsets.UTF_8));
    }
    return nanos;
  }
}
