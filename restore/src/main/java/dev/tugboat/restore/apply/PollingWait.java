package dev.tugboat.restore.apply;

import dev.tugboat.core.cluster.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * How long and how often a restore polls the cluster for something to happen: a deleted object to
 * be gone before the {@code recreate} policy creates it again (finalizers and foreground deletion
 * of dependents can keep it for a while), a restored CustomResourceDefinition to be Established.
 *
 * @param timeout how long to wait in all; the item fails after it
 * @param interval the pause between two reads
 * @param sleeper pauses; tests pass one that advances a virtual clock
 * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
 */
public record PollingWait(
    Duration timeout, Duration interval, Sleeper sleeper, LongSupplier nanoTime) {

  /** Velero's {@code --terminating-resource-timeout} (10 minutes), polling once a second. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public PollingWait {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(nanoTime, "nanoTime");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the polling interval must be positive, got " + interval);
    }
  }

  /** Ten minutes, polling once a second, on the system clock. */
  public static PollingWait standard() {
    return new PollingWait(
        DEFAULT_TIMEOUT, Duration.ofSeconds(1), Sleeper.SYSTEM, System::nanoTime);
  }

  /**
   * Pauses and asks {@code done} until it says yes or the time is up.
   *
   * @return whether it happened within the timeout
   * @throws IllegalStateException when the thread is interrupted (its flag is set again)
   */
  public boolean until(BooleanSupplier done) {
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    while (nanoTime.getAsLong() - deadline < 0) {
      try {
        sleeper.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting on the cluster", e);
      }
      if (done.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }
}
