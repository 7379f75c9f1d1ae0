package dev.tugboat.restore.migrate.hooks;

import dev.tugboat.backup.velero.GoDuration;
import dev.tugboat.restore.capacity.plan.Hook;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a hook's command as a process, its context in the environment, its output logged. */
final class CommandHook {

  /**
   * How long to wait for the rest of the output once the process is gone. A background child that
   * outlives the command keeps the output open; the hook's outcome must not wait for it.
   */
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(5);

  HookResult run(Hook hook, Hook.Command command, HookContext context) {
    ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
    builder.environment().putAll(environment(context));
    Process process;
    try {
      process = builder.start();
      // Nothing is written to it: a command reading its input sees the end at once, not a hang.
      process.getOutputStream().close();
    } catch (IOException e) {
      return HookRunner.failure(hook, "it could not be started: " + e.getMessage(), List.of());
    }
    OutputTail tail = new OutputTail();
    Thread reader = new Thread(() -> log(hook, process, tail), "hook-output-" + hook.name());
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(hook.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        kill(process);
        reader.join(OUTPUT_GRACE.toMillis());
        return HookRunner.failure(
            hook,
            "timed out after "
                + GoDuration.format(hook.timeout())
                + "; it and its child processes were killed",
            tail.lines());
      }
      reader.join(OUTPUT_GRACE.toMillis());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return HookRunner.failure(
          hook, "interrupted; it and its child processes were killed", tail.lines());
    }
    int exitCode = process.exitValue();
    if (exitCode != 0) {
      return HookRunner.failure(hook, "exit code " + exitCode, tail.lines());
    }
    return HookRunner.success(hook, "exit code 0", tail.lines());
  }

  private static Map<String, String> environment(HookContext context) {
    return Map.of(
        "TUGBOAT_MIGRATION", context.migration(),
        "TUGBOAT_HOOK", context.point().yamlName(),
        "TUGBOAT_APPLICATION", context.application(),
        "TUGBOAT_STATUS", context.status());
  }

  private static void log(Hook hook, Process process, OutputTail tail) {
    try (BufferedReader output = process.inputReader()) {
      String line;
      while ((line = output.readLine()) != null) {
        HookRunner.LOG.info("{}: {}", hook.name(), line);
        tail.add(line);
      }
    } catch (IOException e) {
      // The process was killed while its output was being read: what was read is kept.
      HookRunner.LOG.debug("{}: output closed: {}", hook.name(), e.getMessage());
    }
  }

  /**
   * Kills the command and its descendants, listed before it dies: once dead, its children belong to
   * init and can no longer be found (a {@code sh -c} would leave its {@code sleep} running).
   */
  private static void kill(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
