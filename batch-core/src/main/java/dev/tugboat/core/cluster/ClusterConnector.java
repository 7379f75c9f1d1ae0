package dev.tugboat.core.cluster;

import io.kubernetes.client.openapi.ApiClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link ClusterConnection} from {@link ClusterSettings}: finds the kubeconfig (or the
 * pod's service account), verifies TLS unless the kubeconfig explicitly says otherwise, and
 * installs retries and the client-side rate limit.
 */
public final class ClusterConnector {

  private static final Logger log = LoggerFactory.getLogger(ClusterConnector.class);

  /**
   * OkHttp runs at most 5 asynchronous calls per host by default, too few for parallel partitions;
   * the rate limiter, not this bound, is what paces the cluster.
   */
  static final int MAX_CONCURRENT_REQUESTS = 128;

  private final ClusterEnvironment environment;

  /** Reads {@code $KUBECONFIG}, the home folder and the service account of this JVM. */
  public ClusterConnector() {
    this(ClusterEnvironment.system());
  }

  public ClusterConnector(ClusterEnvironment environment) {
    this.environment = environment;
  }

  /**
   * Configures a client; sends no request.
   *
   * @throws ClusterAccessException when the settings do not lead to a usable configuration
   */
  public ClusterConnection connect(ClusterSettings settings) {
    ConfiguredCluster cluster = configure(settings.source());
    ApiClient client;
    try {
      client = cluster.builder().build();
    } catch (RuntimeException e) {
      // ApiClient rejects an unparsable CA certificate only here
      throw new ClusterAccessException(
          "Cannot set up the client for cluster '" + cluster.displayName() + "'", e);
    }
    tune(client, settings);
    return new ClusterConnection(client, cluster.displayName());
  }

  private ConfiguredCluster configure(ClusterSource source) {
    if (source instanceof ClusterSource.Kubeconfig kubeconfig) {
      return fromKubeconfig(kubeconfig);
    }
    if (source instanceof ClusterSource.InCluster) {
      return inCluster();
    }
    ClusterSource.Explicit explicit = (ClusterSource.Explicit) source;
    return ExplicitServerLoader.load(explicit, explicit.server().toString());
  }

  private ConfiguredCluster fromKubeconfig(ClusterSource.Kubeconfig kubeconfig) {
    if (kubeconfig.file() != null) {
      return KubeconfigLoader.load(kubeconfig.file(), kubeconfig.context());
    }
    String fromVariable = environment.variable("KUBECONFIG");
    if (fromVariable != null) {
      // kubectl merges every file of the list; taking the first covers the usual single file.
      return KubeconfigLoader.load(
          Path.of(fromVariable.split(File.pathSeparator)[0]), kubeconfig.context());
    }
    Path homeConfig = environment.home().resolve(".kube").resolve("config");
    if (Files.exists(homeConfig) || kubeconfig.context() != null) {
      return KubeconfigLoader.load(homeConfig, kubeconfig.context());
    }
    if (ServiceAccount.present(environment)) {
      return inCluster();
    }
    throw new ClusterAccessException(
        "No kubeconfig found ($KUBECONFIG is not set and "
            + homeConfig
            + " does not exist) and not running inside a Kubernetes pod");
  }

  private ConfiguredCluster inCluster() {
    ClusterSource.Explicit source = ServiceAccount.source(environment);
    log.info("Using the pod's service account, server {}", source.server());
    return ExplicitServerLoader.load(source, "in-cluster");
  }

  private static void tune(ApiClient client, ClusterSettings settings) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_CONCURRENT_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_REQUESTS);
    RequestRateLimiter limiter = new RequestRateLimiter(settings.qps(), settings.burst());
    client.setHttpClient(
        client
            .getHttpClient()
            .newBuilder()
            .dispatcher(dispatcher)
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            // Retries wrap the limiter, so that every attempt takes a token.
            .addInterceptor(new RetryInterceptor())
            .addInterceptor(new RateLimitInterceptor(limiter, Sleeper.SYSTEM))
            .build());
  }
}
