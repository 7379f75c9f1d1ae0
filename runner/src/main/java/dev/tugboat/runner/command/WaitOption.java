package dev.tugboat.runner.command;

import dev.tugboat.runner.BackgroundRun;
import picocli.CommandLine.Option;

/**
 * {@code --wait}, on by default, and {@code --no-wait}: whether {@code backup create} and {@code
 * restore create} run their job in this process or start it in the background ({@link
 * BackgroundRun}). A picocli mixin of both.
 */
final class WaitOption {

  @Option(
      names = BackgroundRun.WAIT_OPTION,
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      paramLabel = "BOOLEAN",
      description =
          "Wait until the run ends and print its result (default). With --no-wait (or --wait=false)"
              + " the same command runs in a background process and this one returns at once with"
              + " its pid and its log file, <tugboat home>/logs/<backup|restore>-NAME.log; `describe"
              + " NAME` shows the result once it ends. In a Kubernetes Job keep the default: the"
              + " waiting command is what keeps the pod alive.")
  boolean wait;

  /** Whether to run the job in this process, waiting for it to end. */
  boolean waits() {
    return wait;
  }
}
