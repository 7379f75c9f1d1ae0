package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@link FloorBackup} cold, in a fresh JVM with the launcher's options and the same heap
 * bound as Tugboat, and times it from the outside the same way: process start to exit. Run inside
 * the benchmark's long-lived JVM instead, the floor would get C2 and a warmed-up JIT that Tugboat's
 * process never has, and no JVM start-up, which Tugboat's time includes.
 */
final class FloorBackupProcess {

  private static final Pattern SUMMARY =
      Pattern.compile("(?m)^floor: (\\d+) objects, (\\d+) gzip bytes$");

  private static final long TIMEOUT_MINUTES = 30;

  private final String maxHeap;
  private final String baseUrl;
  private final int parallelism;
  private final int pageLimit;

  /**
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 256m}
   * @param baseUrl the sandbox's
   */
  FloorBackupProcess(String maxHeap, String baseUrl, int parallelism, int pageLimit) {
    this.maxHeap = maxHeap;
    this.baseUrl = baseUrl;
    this.parallelism = parallelism;
    this.pageLimit = pageLimit;
  }

  /**
   * Lists everything once, timed.
   *
   * @param directory where the child's output goes
   * @param sandbox the sandbox of the base URL, whose request counter is reset before and read
   *     after
   * @throws IllegalStateException when the floor fails, with its output
   */
  BackupMeasurement measure(Path directory, SandboxProcess sandbox)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    List<String> jvmOptions = new ArrayList<>(LauncherJvmOptions.read());
    jvmOptions.add("-Xmx" + maxHeap);
    Path output = directory.resolve("floor.log");
    sandbox.resetRequestCount();
    long start = System.nanoTime();
    Process process =
        ChildProcess.start(
            FloorBackup.class,
            jvmOptions,
            Map.of(),
            List.of(baseUrl, Integer.toString(parallelism), Integer.toString(pageLimit)),
            output);
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the floor did not finish within " + TIMEOUT_MINUTES + " minutes");
    }
    long nanos = System.nanoTime() - start;
    long requests = sandbox.requestCount();
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Matcher summary = SUMMARY.matcher(text);
    if (process.exitValue() != 0 || !summary.find()) {
      throw new IllegalStateException(
          "the floor exited with code " + process.exitValue() + ": " + text);
    }
    return new BackupMeasurement(
        Long.parseLong(summary.group(1)),
        nanos,
        requests,
        Long.parseLong(summary.group(2)),
        OptionalLong.empty());
  }
}
