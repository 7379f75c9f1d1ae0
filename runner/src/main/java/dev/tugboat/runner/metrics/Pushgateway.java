package dev.tugboat.runner.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A Prometheus Pushgateway that receives each run's metrics under the grouping key {@code
 * job="tugboat", instance=<run>}: a run's push replaces the metrics of its previous run of the same
 * name, and the runs of different names stay side by side.
 */
final class Pushgateway {

  /** The text exposition format's media type, as Prometheus' client libraries send it. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Grouping values the Pushgateway takes as they are in a path; others go in base64. */
  private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._-]+");

  private final URI base;
  private final HttpClient client;

  /**
   * @param base the Pushgateway's address, e.g. {@code http://pushgateway:9091}
   */
  Pushgateway(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Replaces the metrics of the run named {@code run} with {@code payload}.
   *
   * @throws IOException when the Pushgateway cannot be reached or does not accept the payload
   */
  void push(String run, String payload) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(groupUri(run))
            .timeout(TIMEOUT)
            .header("Content-Type", CONTENT_TYPE)
            .PUT(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "it answered HTTP "
              + response.statusCode()
              + ": "
              + response.body().lines().findFirst().orElse(""));
    }
  }

  /**
   * {@code <base>/metrics/job/tugboat/instance/<run>}; a run name that is not path-safe (a run
   * named by its parameters, {@code a=b,c=d}) takes the Pushgateway's {@code instance@base64} form.
   */
  URI groupUri(String run) {
    String root = base.toString().replaceAll("/+$", "");
    String instance =
        PLAIN_VALUE.matcher(run).matches()
            ? "instance/" + run
            : "instance@base64/"
                + Base64.getUrlEncoder().encodeToString(run.getBytes(StandardCharsets.UTF_8));
    return URI.create(root + "/metrics/job/tugboat/" + instance);
  }
}
