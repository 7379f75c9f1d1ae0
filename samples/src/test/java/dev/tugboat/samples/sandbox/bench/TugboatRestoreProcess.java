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
 * Runs the real {@code tugboat restore create NAME --from-backup BACKUP} as a process of its own
 * with a bounded heap, under a fresh {@code TUGBOAT_HOME} (its own H2 job repository) and against
 * the local store the backup was written to, and times it from the outside: process start to exit.
 */
final class TugboatRestoreProcess {

  private static final long TIMEOUT_MINUTES = 30;

  private final String maxHeap;
  private final Path kubeconfig;
  private final Path store;

  /**
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 256m}
   * @param kubeconfig the target sandbox's
   * @param store the local store that holds the backup
   */
  TugboatRestoreProcess(String maxHeap, Path kubeconfig, Path store) {
    this.maxHeap = maxHeap;
    this.kubeconfig = kubeconfig;
    this.store = store;
  }

  /**
   * Restores the whole backup, with the client's rate limiter set by {@code qps} and {@code burst}.
   *
   * @param directory where the child's home and output go
   * @return the wall-clock nanoseconds from process start to exit
   * @throws IllegalStateException when the restore exits with another code than 0 (Completed), with
   *     its output
   */
  long restore(String name, String backup, int parallelism, int qps, int burst, Path directory)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    List<String> arguments =
        List.of(
            "--kubeconfig",
            kubeconfig.toString(),
            "--store",
            store.toString(),
            "restore",
            "create",
            name,
            "--from-backup",
            backup,
            "--parallelism",
            String.valueOf(parallelism),
            "--qps",
            String.valueOf(qps),
            "--burst",
            String.valueOf(burst));
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
          "tugboat restore create "
              + name
              + " did not finish within "
              + TIMEOUT_MINUTES
              + " minutes");
    }
    long nanos = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "tugboat restore create "
              + name
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
