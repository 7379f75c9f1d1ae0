package dev.tugboat.core.cluster;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces requests like a token bucket holding {@code burst} tokens refilled at {@code qps} per
 * second: the first {@code burst} requests go at once, the following ones {@code 1/qps} apart.
 * Thread-safe; every request to one cluster shares one limiter.
 *
 * <p>Implemented as a schedule rather than a token count (the "generic cell rate algorithm"): it
 * keeps the time at which the bucket would next be full, in whole nanoseconds, so waits add up
 * exactly.
 */
public final class RequestRateLimiter {

  private final long interval;
  private final long burstAllowance;
  private final LongSupplier nanoClock;
  private long fullAt;

  public RequestRateLimiter(double qps, int burst) {
    this(qps, burst, System::nanoTime);
  }

  /**
   * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
   */
  public RequestRateLimiter(double qps, int burst, LongSupplier nanoClock) {
    if (!(qps > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "qps must be positive and burst at least 1, got qps " + qps + ", burst " + burst);
    }
    this.interval = Math.max(1, Math.round(1_000_000_000 / qps));
    this.burstAllowance = (burst - 1) * interval;
    this.nanoClock = nanoClock;
    this.fullAt = nanoClock.getAsLong();
  }

  /**
   * Takes a token and tells how long the caller must wait before sending its request. Callers that
   * reserve concurrently get successive slots.
   */
  public synchronized Duration reserve() {
    long now = nanoClock.getAsLong();
    long start = Math.max(fullAt, now);
    long wait = Math.max(0, start - burstAllowance - now);
    fullAt = start + interval;
    return Duration.ofNanos(wait);
  }
}
