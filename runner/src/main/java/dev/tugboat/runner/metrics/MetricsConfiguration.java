package dev.tugboat.runner.metrics;

import dev.tugboat.core.cluster.ApiRequestCounter;
import dev.tugboat.runner.command.JobRunName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Records the job runs of each command and reports them; {@code tugboat.metrics.pushgateway-url}
 * ({@code TUGBOAT_METRICS_PUSHGATEWAY_URL}) sends their metrics to a Prometheus Pushgateway.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  // Static: post-processors and what they use are made before the other beans.
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static FinishedRuns finishedRuns() {
    return new FinishedRuns(ApiRequestCounter.process(), JobRunName::of);
  }

  @Bean
  static StarterRecorder starterRecorder(FinishedRuns finishedRuns) {
    return new StarterRecorder(finishedRuns);
  }

  @Bean
  RunReports runReports(
      FinishedRuns finishedRuns, @Value("${tugboat.metrics.pushgateway-url:}") String url) {
    return new RunReports(
        finishedRuns,
        url.isBlank() ? Optional.empty() : Optional.of(new Pushgateway(pushgatewayUri(url))));
  }

  /** The messages leave the URL out: it may hold credentials. */
  private static URI pushgatewayUri(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "tugboat.metrics.pushgateway-url is not a valid URL: " + e.getReason(), e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "tugboat.metrics.pushgateway-url must be an http:// or https:// URL");
    }
    return uri;
  }
}
