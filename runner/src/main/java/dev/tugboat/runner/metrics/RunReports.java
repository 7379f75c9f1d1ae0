package dev.tugboat.runner.metrics;

import java.io.IOException;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each job run of a command once the command has its exit code: one summary line on the log
 * ({@code dev.tugboat.summary}, INFO), and its metrics pushed to the Pushgateway when one is
 * configured. Reporting never changes the exit code: a failed push is one warning.
 */
public final class RunReports {

  private static final Logger summary = LoggerFactory.getLogger("dev.tugboat.summary");
  private static final Logger log = LoggerFactory.getLogger(RunReports.class);

  private final FinishedRuns runs;
  private final Optional<Pushgateway> pushgateway;

  RunReports(FinishedRuns runs, Optional<Pushgateway> pushgateway) {
    this.runs = runs;
    this.pushgateway = pushgateway;
  }

  /**
   * Runs a command and reports the job runs it ran.
   *
   * @return the command's exit code
   */
  public int around(IntSupplier command) {
    // Runs started outside a command (a test's, say) are none of this command's.
    runs.takeAll();
    int exitCode = command.getAsInt();
    for (FinishedRun run : runs.takeAll()) {
      summary.info(RunSummary.line(run, exitCode));
      pushgateway.ifPresent(gateway -> push(gateway, run));
    }
    return exitCode;
  }

  private static void push(Pushgateway gateway, FinishedRun run) {
    try {
      gateway.push(run.name(), PushgatewayText.of(RunMeters.of(run)));
    } catch (IOException e) {
      warn(run, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      warn(run, e);
    }
  }

  /** Names neither the URL nor the payload: the URL may hold credentials. */
  private static void warn(FinishedRun run, Exception e) {
    log.warn(
        "Could not push the metrics of {} {} to the Pushgateway (tugboat.metrics.pushgateway-url):"
            + " {}",
        run.jobName(),
        run.name(),
        e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }
}
