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
 * to exit and the archive's size in one run; the peak live heap in another, whose full collections
 * would slow it.
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
   * Backs everything up into a store in {@code directory}, timed; the result has no heap figure.
   *
   * @param sandbox the sandbox of the kubeconfig, whose request counter is reset before and read
   *     after
   * @throws IllegalStateException when the backup does not complete, with its output
   */
  BackupMeasurement backUp(String name, Path directory, SandboxProcess sandbox)
      throws IOException, InterruptedException {
    Path store = directory.resolve("store");
    sandbox.resetRequestCount();
    Run run = run(directory, List.of(), process -> {}, backupCreate(name, store));
    long requestCount = sandbox.requestCount();
    Matcher summary = completed(name, run);
    Path archive = store.resolve("backups").resolve(name).resolve(name + ".tar.gz");
    return new BackupMeasurement(
        Long.parseLong(summary.group(3)),
        run.nanos(),
        requestCount,
        Files.size(archive),
        OptionalLong.empty());
  }

  /**
   * Backs everything up again into a store in {@code directory} while {@link FullGcProbe} forces a
   * full collection twice a second, and returns the most heap in use after one of them.
   */
  OptionalLong peakLiveHeap(String name, Path directory) throws IOException, InterruptedException {
    Path gcLog = directory.resolve("gc.log");
    Run run =
        run(
            directory,
            List.of(GcLog.option(gcLog)),
            FullGcProbe::collectWhileAlive,
            backupCreate(name, directory.resolve("store")));
    completed(name, run);
    return GcLog.peakHeapAfterFullGc(gcLog);
  }

  /**
   * How long {@code tugboat version} takes in the same kind of process: JVM start, Spring context
   * and job repository, the fixed cost every command pays before any work.
   */
  long startUpNanos(Path directory) throws IOException, InterruptedException {
    Run run = run(directory, List.of(), process -> {}, List.of("version"));
    if (run.exitCode() != 0) {
      throw new IllegalStateException(
          "tugboat version exited with code " + run.exitCode() + ": " + run.output());
    }
    return run.nanos();
  }

  private List<String> backupCreate(String name, Path store) {
    return List.of(
        "--kubeconfig",
        kubeconfig.toString(),
        "--store",
        store.toString(),
        "backup",
        "create",
        name);
  }

  /** The summary line of a completed backup; throws with the output otherwise. */
  private Matcher completed(String name, Run run) {
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
    return summary;
  }

  /** What to do while the child runs. */
  private interface WhileRunning {
    void accept(Process process) throws IOException, InterruptedException;
  }

  private record Run(int exitCode, long nanos, String output) {}

  private Run run(
      Path directory,
      List<String> extraJvmOptions,
      WhileRunning whileRunning,
      List<String> arguments)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    List<String> jvmOptions = new ArrayList<>(LauncherJvmOptions.read());
    jvmOptions.add("-Xmx" + maxHeap);
    jvmOptions.addAll(extraJvmOptions);
    Path output = directory.resolve("tugboat.log");
    long start = System.nanoTime();
    Process process =
        ChildProcess.start(
            TugboatApplication.class,
            jvmOptions,
            Map.of("TUGBOAT_HOME", directory.resolve("home").toString()),
            arguments,
            output);
    whileRunning.accept(process);
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "tugboat "
              + String.join(" ", arguments)
              + " did not finish within "
              + TIMEOUT_MINUTES
              + " minutes");
    }
    long nanos = System.nanoTime() - start;
    return new Run(process.exitValue(), nanos, Files.readString(output, StandardCharsets.UTF_8));
  }
}
