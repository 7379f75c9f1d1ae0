package dev.tugboat.samples.sandbox.bench;

import dev.tugboat.runner.TugboatApplication;
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
 * Runs the real {@code tugboat backup create NAME} (all namespaces, default parallelism) as a
 * process of its own with a bounded heap, against a local store and an H2 job repository under a
 * fresh {@code TUGBOAT_HOME}, and measures it from the outside: wall-clock time from process start
 * to exit, the archive's size and the peak heap after GC from its GC log.
 */
final class TugboatBackupProcess {

  /** What {@code backup create} prints on success: {@code Backup NAME Completed: 42 items, ...}. */
  private static final Pattern SUMMARY = Pattern.compile("(?m)^Backup (\\S+) (\\S+): (\\d+) items");

  private static final long TIMEOUT_MINUTES = 30;

  private final String maxHeap;
  private final Path kubeconfig;

  /**
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 256m}
   * @param kubeconfig the sandbox's
   */
  TugboatBackupProcess(String maxHeap, Path kubeconfig) {
    this.maxHeap = maxHeap;
    this.kubeconfig = kubeconfig;
  }

  /**
   * Backs everything up into a store in {@code directory}.
   *
   * @param sandbox the sandbox of the kubeconfig, whose request counter is reset before and read
   *     after
   * @throws IllegalStateException when the backup does not complete, with its output
   */
  BackupMeasurement backUp(String name, Path directory, SandboxProcess sandbox)
      throws IOException, InterruptedException {
    Path store = directory.resolve("store");
    Path gcLog = directory.resolve("gc.log");
    sandbox.resetRequestCount();
    Run run =
        run(
            directory,
            List.of(GcLog.option(gcLog)),
            "--kubeconfig",
            kubeconfig.toString(),
            "--store",
            store.toString(),
            "backup",
            "create",
            name);
    long requestCount = sandbox.requestCount();
    Matcher summary = SUMMARY.matcher(run.output());
    if (run.exitCode() != 0 || !summary.find() || !summary.group(2).equals("Completed")) {
      throw new IllegalStateException(
          "tugboat backup create "
              + name
              + " exited with code "
              + run.exitCode()
              + " (heap -Xmx"
              + maxHeap
              + "): "
              + run.output());
    }
    Path archive = store.resolve("backups").resolve(name).resolve(name + ".tar.gz");
    OptionalLong peakHeap = GcLog.peakHeapAfterGc(gcLog);
    return new BackupMeasurement(
        Long.parseLong(summary.group(3)), run.nanos(), requestCount, Files.size(archive), peakHeap);
  }

  /**
   * How long {@code tugboat version} takes in the same kind of process: JVM start, Spring context
   * and job repository, the fixed cost every command pays before any work.
   */
  long startUpNanos(Path directory) throws IOException, InterruptedException {
    Run run = run(directory, List.of(), "version");
    if (run.exitCode() != 0) {
      throw new IllegalStateException(
          "tugboat version exited with code " + run.exitCode() + ": " + run.output());
    }
    return run.nanos();
  }

  private record Run(int exitCode, long nanos, String output) {}

  private Run run(Path directory, List<String> extraJvmOptions, String... arguments)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + maxHeap));
    jvmOptions.addAll(extraJvmOptions);
    Path output = directory.resolve("tugboat-" + arguments[arguments.length - 1] + ".log");
    long start = System.nanoTime();
    Process process =
        ChildProcess.start(
            TugboatApplication.class,
            jvmOptions,
            Map.of("TUGBOAT_HOME", directory.resolve("home").toString()),
            List.of(arguments),
            output);
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "tugboat " + String.join(" ", arguments) + " did not finish within 30 minutes");
    }
    long nanos = System.nanoTime() - start;
    return new Run(process.exitValue(), nanos, Files.readString(output, StandardCharsets.UTF_8));
  }
}
