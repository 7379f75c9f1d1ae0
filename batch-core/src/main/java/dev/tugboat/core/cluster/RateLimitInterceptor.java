package dev.tugboat.core.cluster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Holds every request until the shared {@link RequestRateLimiter} lets it go, and counts it: it
 * sits inside {@link RetryInterceptor}, so it sees every attempt.
 */
public final class RateLimitInterceptor implements Interceptor {

  private final RequestRateLimiter limiter;
  private final Sleeper sleeper;
  private final ApiRequestCounter counter;

  /** Counts into {@link ApiRequestCounter#process()}. */
  public RateLimitInterceptor(RequestRateLimiter limiter, Sleeper sleeper) {
    this(limiter, sleeper, ApiRequestCounter.process());
  }

  public RateLimitInterceptor(
      RequestRateLimiter limiter, Sleeper sleeper, ApiRequestCounter counter) {
    this.limiter = limiter;
    this.sleeper = sleeper;
    this.counter = counter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Duration wait = limiter.reserve();
    if (!wait.isZero()) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while waiting for the client rate limit");
      }
    }
    counter.countRequest();
    return chain.proceed(chain.request());
  }
}
