package dev.tugboat.runner;

import dev.tugboat.backup.job.BackupProgress;
import dev.tugboat.restore.job.RestoreProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Shows a running job's progress on standard error: a line redrawn in place twice a second on a
 * terminal, a plain line every 30 seconds otherwise (a pod's log), so that the log of a long
 * nightly backup or restore shows it is alive without drowning in progress. Each job says what its
 * line holds: {@link #line(String, BackupProgress.Snapshot, Duration)} and {@link #line(String,
 * RestoreProgress.Snapshot)}.
 */
public final class ProgressReporter implements AutoCloseable {

  private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(500);
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

  private final PrintWriter err;

  /** The status line after the given time has elapsed since the start. */
  private final Function<Duration, String> status;

  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  private ProgressReporter(PrintWriter err, Function<Duration, String> status, boolean terminal) {
    this.err = err;
    this.status = status;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts reporting a backup, e.g. {@code backup nightly}; {@link #close()} stops it and clears
   * the terminal line.
   */
  public static ProgressReporter start(PrintWriter err, String what, BackupProgress progress) {
    return start(err, elapsed -> line(what, progress.snapshot(), elapsed));
  }

  /**
   * Starts reporting a restore, e.g. {@code restore web-1}; {@link #close()} stops it and clears
   * the terminal line.
   */
  public static ProgressReporter start(PrintWriter err, String what, RestoreProgress progress) {
    return start(err, elapsed -> line(what, progress.snapshot()));
  }

  private static ProgressReporter start(PrintWriter err, Function<Duration, String> status) {
    boolean terminal = System.console() != null;
    ProgressReporter reporter = new ProgressReporter(err, status, terminal);
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
    String line = status.apply(Duration.ofNanos(System.nanoTime() - startNanos));
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
        words(snapshot.phase()),
        snapshot.partitionsDone(),
        snapshot.partitionsPlanned(),
        snapshot.items(),
        snapshot.bytes() / (1024.0 * 1024.0),
        snapshot.items() / seconds);
  }

  /** E.g. {@code restore web-1: restoring, 1200/10000 items, 0 failed}. */
  static String line(String what, RestoreProgress.Snapshot snapshot) {
    return String.format(
        Locale.ROOT,
        "%s: %s, %d/%d items, %d failed",
        what,
        words(snapshot.phase()),
        snapshot.itemsDone(),
        snapshot.itemsPlanned(),
        snapshot.failed());
  }

  /** A phase as words, e.g. {@code waiting for crds}. */
  private static String words(Enum<?> phase) {
    return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
