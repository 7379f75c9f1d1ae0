package dev.tugboat.runner;

import dev.tugboat.backup.job.BackupProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a running backup's progress on standard error: a line redrawn in place twice a second on a
 * terminal, a plain line every 30 seconds otherwise (a pod's log), so that the log of a long
 * nightly backup shows it is alive without drowning in progress.
 */
public final class ProgressReporter implements AutoCloseable {

  private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(500);
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private final PrintWriter err;
  private final String what;
  private final BackupProgress progress;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  private ProgressReporter(
      PrintWriter err, String what, BackupProgress progress, boolean terminal) {
    this.err = err;
    this.what = what;
    this.progress = progress;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts reporting; {@link #close()} stops it and clears the terminal line. */
  public static ProgressReporter start(PrintWriter err, String what, BackupProgress progress) {
    boolean terminal = System.console() != null;
    ProgressReporter reporter = new ProgressReporter(err, what, progress, terminal);
    long interval = (terminal ? TERMINAL_INTERVAL : LOG_INTERVAL).toMillis();
    reporter.timer.scheduleAtFixedRate(reporter::report, interval, interval, TimeUnit.MILLISECONDS);
    return reporter;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void report() {
    String line = line(what, progress.snapshot(), Duration.ofNanos(System.nanoTime() - startNanos));
    if (terminal) {
      err.print("\r\033[K" + line);
    } else {
      err.println(line);
    }
    err.flush();
  }

  /**
   * E.g. {@code backup nightly: listing, 12/40 partitions, 10234 items, 12.5 MiB, 2048 items/s}.
   */
  static String line(String what, BackupProgress.Snapshot snapshot, Duration elapsed) {
    double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
    return String.format(
        Locale.ROOT,
        "%s: %s, %d/%d partitions, %d items, %.1f MiB, %.0f items/s",
        what,
        snapshot.phase().toString().toLowerCase(Locale.ROOT).replace('_', ' '),
        snapshot.partitionsDone(),
        snapshot.partitionsPlanned(),
        snapshot.items(),
        snapshot.bytes() / (1024.0 * 1024.0),
        snapshot.items() / seconds);
  }
}
