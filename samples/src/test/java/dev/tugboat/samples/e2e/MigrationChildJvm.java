package dev.tugboat.samples.e2e;

import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.TugboatApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tugboat migrate} in a JVM of its own, so that a crash point ({@code
 * -Dtugboat.crash-at=NAME}) halts that JVM and not the test's. Readiness is polled every 100 ms and
 * lack of room acted on after 1 s, as in {@link MigrationTest}.
 */
final class MigrationChildJvm {

  /** Exit code of a JVM halted at a crash point, as after {@code kill -9}. */
  static final int KILLED = 137;

  private static final List<String> READINESS =
      List.of("-Dtugboat.migration.poll-interval=100ms", "-Dtugboat.migration.shortage-grace=1s");

  private MigrationChildJvm() {}

  /** How a run ended: its exit code, and its stdout and stderr interleaved. */
  record Run(int exitCode, String output) {}

  /**
   * @param home the Tugboat home (job repository and work folder): the same for a run and its
   *     resumption
   * @param crashAt the crash point to halt at, e.g. {@code migration.application-done#2}; empty for
   *     none
   */
  static Run migrate(Path home, String crashAt, List<String> arguments) throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dtugboat.home=" + home));
    options.addAll(READINESS);
    if (!crashAt.isEmpty()) {
      options.add("-Dtugboat.crash-at=" + crashAt);
    }
    List<String> args = new ArrayList<>(List.of("migrate"));
    args.addAll(arguments);
    Process process = ChildJvm.start(TugboatApplication.class, options, args);
    ProcessOutput output = ProcessOutput.drain(process);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat migrate did not finish within 180 s:\n" + output.text());
    }
    return new Run(process.exitValue(), output.text());
  }
}
