package dev.tugboat.core.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a cluster and how hard to use it.
 *
 * @param source where the server address and credentials come from
 * @param qps sustained requests per second the client allows itself
 * @param burst requests that may go out at once before {@code qps} paces them
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed between two reads of a response; large LIST pages need a generous
 *     value
 */
public record ClusterSettings(
    ClusterSource source, double qps, int burst, Duration connectTimeout, Duration readTimeout) {

  public static final double DEFAULT_QPS = 100;
  public static final int DEFAULT_BURST = 100;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(2);

  public ClusterSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (!(qps > 0)) {
      throw new IllegalArgumentException("qps must be positive, got " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
  }

  /**
   * A kubeconfig with default limits, as {@code --kubeconfig}/{@code --context} give it.
   *
   * @param file the kubeconfig, or {@code null} for kubectl's default lookup
   * @param context the context, or {@code null} for the file's current context
   */
  public static ClusterSettings kubeconfig(Path file, String context) {
    return of(new ClusterSource.Kubeconfig(file, context));
  }

  /** The pod's own service account, with default limits. */
  public static ClusterSettings inCluster() {
    return of(new ClusterSource.InCluster());
  }

  /** Any source, with default limits. */
  public static ClusterSettings of(ClusterSource source) {
    return new ClusterSettings(
        source, DEFAULT_QPS, DEFAULT_BURST, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  public ClusterSettings withRateLimit(double qps, int burst) {
    return new ClusterSettings(source, qps, burst, connectTimeout, readTimeout);
  }

  public ClusterSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
    return new ClusterSettings(source, qps, burst, connectTimeout, readTimeout);
  }
}
