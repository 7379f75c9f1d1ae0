package dev.tugboat.runner.metrics;

import java.util.Locale;

/** The one line that sums up a run once its command knows its exit code. */
final class RunSummary {

  private RunSummary() {}

  /**
   * E.g. {@code backup nightly COMPLETED in 12.3s: 10432 items, 187 API requests (3 retried), exit
   * 0}; the items are those written.
   */
  static String line(FinishedRun run, int exitCode) {
    return String.format(
        Locale.ROOT,
        "%s %s %s in %.1fs: %d items, %d API requests (%d retried), exit %d",
        run.jobName(),
        run.name(),
        run.execution().getStatus(),
        run.duration().toMillis() / 1000.0,
        run.itemsWritten(),
        run.api().requests(),
        run.api().retries(),
        exitCode);
  }
}
