package dev.tugboat.core.cluster;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries requests that failed for reasons that pass: 429 Too Many Requests (honouring {@code
 * Retry-After}), 5xx, timeouts and broken or refused connections. Other 4xx answers, 409 Conflict
 * included, are final. Watch streams and requests whose body cannot be sent twice are not retried.
 * After the last attempt the caller gets the last response or exception.
 */
public final class RetryInterceptor implements Interceptor {

  private static final Logger log = LoggerFactory.getLogger(RetryInterceptor.class);
  private static final int TOO_MANY_REQUESTS = 429;

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final ApiRequestCounter counter;

  /**
   * The default policy, real time and real randomness; retries are counted into {@link
   * ApiRequestCounter#process()}.
   */
  public RetryInterceptor() {
    this(
        RetryPolicy.defaults(),
        Sleeper.SYSTEM,
        Clock.systemUTC(),
        () -> ThreadLocalRandom.current().nextDouble(),
        ApiRequestCounter.process());
  }

  /**
   * @param clock wall-clock time, to turn a {@code Retry-After} date into a wait
   * @param random numbers in [0, 1) that jitter the backoff
   * @param counter counts each retry
   */
  public RetryInterceptor(
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      ApiRequestCounter counter) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.counter = counter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    int attempts = isRepeatable(request) ? policy.maxAttempts() : 1;
    for (int attempt = 1; ; attempt++) {
      boolean lastAttempt = attempt == attempts;
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (lastAttempt || !isTransient(e) || chain.call().isCanceled()) {
          throw e;
        }
        Duration wait = policy.backoff(attempt, random.getAsDouble());
        log.debug(
            "{} {} failed with {}, retry {} of {} in {} ms",
            request.method(),
            request.url().encodedPath(),
            e.getClass().getSimpleName(),
            attempt,
            attempts - 1,
            wait.toMillis());
        pause(wait, request);
        counter.countRetry();
        continue;
      }
      if (!isRetryableStatus(response.code())) {
        return response;
      }
      if (lastAttempt) {
        if (attempts > 1) {
          log.info(
              "{} {} still answered HTTP {} after {} attempts, giving up",
              request.method(),
              request.url().encodedPath(),
              response.code(),
              attempts);
        }
        return response;
      }
      Duration wait = waitAfter(response, attempt);
      response.close();
      log.debug(
          "{} {} answered HTTP {}, retry {} of {} in {} ms",
          request.method(),
          request.url().encodedPath(),
          response.code(),
          attempt,
          attempts - 1,
          wait.toMillis());
      pause(wait, request);
      counter.countRetry();
    }
  }

  /** Watches stream for as long as they last, and a one-shot body is gone after the first try. */
  private static boolean isRepeatable(Request request) {
    boolean watch = "true".equals(request.url().queryParameter("watch"));
    boolean oneShotBody = request.body() != null && request.body().isOneShot();
    return !watch && !oneShotBody;
  }

  private static boolean isRetryableStatus(int code) {
    return code == TOO_MANY_REQUESTS || code >= 500;
  }

  /**
   * Timeouts, resets, refused connections and connections closed mid-exchange. A TLS failure
   * (untrusted certificate, for instance) will not heal by retrying.
   */
  static boolean isTransient(IOException failure) {
    boolean transientCause = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return false;
      }
      transientCause |=
          t instanceof SocketTimeoutException
              || t instanceof SocketException
              || t instanceof EOFException
              // OkHttp's call and write timeouts: a bare InterruptedIOException("timeout")
              || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()));
    }
    return transientCause;
  }

  /** The server's {@code Retry-After} when it gives one, else the backoff. */
  private Duration waitAfter(Response response, int retry) {
    return retryAfter(response)
        .map(policy::capRetryAfter)
        .orElseGet(() -> policy.backoff(retry, random.getAsDouble()));
  }

  /** {@code Retry-After} as delay-seconds or as an HTTP date. */
  private Optional<Duration> retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    if (value.trim().matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    }
    Instant date = response.headers().getInstant("Retry-After");
    return Optional.ofNullable(date).map(d -> Duration.between(clock.instant(), d));
  }

  private void pause(Duration wait, Request request) throws InterruptedIOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "Interrupted while waiting to retry "
              + request.method()
              + " "
              + request.url().encodedPath());
    }
  }
}
