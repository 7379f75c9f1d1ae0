package dev.tugboat.core.cluster;

import java.time.Duration;

/**
 * How often and how patiently to retry a request the server throttled (429), failed (5xx) or that
 * hit a timeout or a broken connection.
 *
 * @param maxAttempts attempts in total, the first one included
 * @param initialBackoff the upper bound of the first wait; each further wait doubles it
 * @param maxBackoff the largest upper bound a wait reaches by doubling
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer ones are cut to this
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Six attempts, waits from 200 ms doubling up to 10 s, {@code Retry-After} up to 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        6, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  /**
   * The wait before retry number {@code retry} (1 for the first retry): a random point in the upper
   * half of the exponential bound, so that parallel clients spread out but never retry at once.
   *
   * @param random a number in [0, 1)
   */
  public Duration backoff(int retry, double random) {
    long bound = initialBackoff.toNanos();
    for (int i = 1; i < retry && bound < maxBackoff.toNanos(); i++) {
      bound *= 2;
    }
    bound = Math.min(bound, maxBackoff.toNanos());
    return Duration.ofNanos(bound / 2 + (long) (random * (bound / 2)));
  }

  /** A server's {@code Retry-After}, capped at {@link #maxRetryAfter()}. */
  public Duration capRetryAfter(Duration retryAfter) {
    if (retryAfter.isNegative()) {
      return Duration.ZERO;
    }
    return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
  }
}
