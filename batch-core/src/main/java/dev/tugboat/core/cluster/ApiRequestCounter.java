package dev.tugboat.core.cluster;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP requests sent to Kubernetes API servers, each attempt once, and how many of them
 * were retries. The interceptors of every {@link ClusterConnector} count into {@link #process()}:
 * connections are made deep inside jobs, so one process-wide count is what lets a run's report say
 * how many requests it made (the difference of two {@link #snapshot()}s).
 */
public final class ApiRequestCounter {

  private static final ApiRequestCounter PROCESS = new ApiRequestCounter();

  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();

  /** The counter of this process, which every connection counts into. */
  public static ApiRequestCounter process() {
    return PROCESS;
  }

  void countRequest() {
    requests.increment();
  }

  void countRetry() {
    retries.increment();
  }

  /** The counts so far. */
  public Counts snapshot() {
    return new Counts(requests.sum(), retries.sum());
  }

  /**
   * @param requests the requests sent, retries included
   * @param retries the requests that repeated an earlier one that failed
   */
  public record Counts(long requests, long retries) {

    /** The requests made since {@code earlier} was taken. */
    public Counts since(Counts earlier) {
      return new Counts(requests - earlier.requests, retries - earlier.retries);
    }
  }
}
