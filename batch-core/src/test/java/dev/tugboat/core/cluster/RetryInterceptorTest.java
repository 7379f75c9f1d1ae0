package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryInterceptorTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final VirtualTime time = new VirtualTime();
  private final QueueDispatcher responses = new QueueDispatcher();
  private final ApiRequestCounter counter = new ApiRequestCounter();
  private MockWebServer server;
  private OkHttpClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(responses);
    server.start();
    client =
        new OkHttpClient.Builder()
            // OkHttp would otherwise retry some broken connections itself, hiding ours
            .retryOnConnectionFailure(false)
            .addInterceptor(
                new RetryInterceptor(
                    RetryPolicy.defaults(),
                    time,
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    () -> 0.5,
                    counter))
            .build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void tooManyRequestsWaitsTheRetryAfterSecondsThenRetries() throws IOException {
    responses.enqueue(status(429).setHeader("Retry-After", "2").build());
    responses.enqueue(status(200).body("ok").build());

    try (Response response = get("/api/v1/pods")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void everyAttemptIsCountedAsARequestAndEachRepeatAsARetry() throws IOException {
    // The rate limiter sits inside the retries, as ClusterConnector installs them.
    OkHttpClient counted =
        client
            .newBuilder()
            .addInterceptor(
                new RateLimitInterceptor(new RequestRateLimiter(1000, 1000, time), time, counter))
            .build();
    responses.enqueue(status(503).build());
    responses.enqueue(status(429).setHeader("Retry-After", "1").build());
    responses.enqueue(status(200).build());
    responses.enqueue(status(404).build());

    for (int expected : new int[] {200, 404}) {
      try (Response response =
          counted
              .newCall(new Request.Builder().url(server.url("/api/v1/pods")).build())
              .execute()) {
        assertThat(response.code()).isEqualTo(expected);
      }
    }

    assertThat(counter.snapshot()).isEqualTo(new ApiRequestCounter.Counts(4, 2));
  }

  @Test
  void retryAfterAsHttpDateWaitsUntilThatDate() throws IOException {
    String inThreeSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atOffset(ZoneOffset.UTC));
    responses.enqueue(status(429).setHeader("Retry-After", inThreeSeconds).build());
    responses.enqueue(status(200).build());

    try (Response response = get("/api/v1/pods")) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterIsCappedAtOneMinute() throws IOException {
    responses.enqueue(status(429).setHeader("Retry-After", "3600").build());
    responses.enqueue(status(200).build());

    try (Response response = get("/api/v1/pods")) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void serverErrorIsRetriedAfterAJitteredBackoff() throws IOException {
    responses.enqueue(status(500).build());
    responses.enqueue(status(200).build());

    try (Response response = get("/apis/apps/v1/deployments")) {
      assertThat(response.code()).isEqualTo(200);
    }
    // first bound 200 ms; the wait lies in its upper half, at 0.5 of it for random 0.5
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(150));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void persistentUnavailabilityGivesUpAfterSixAttemptsWithTheLastStatus() throws IOException {
    responses.setFailFast(status(503).body("still down").build());

    try (Response response = get("/apis/metrics.k8s.io/v1beta1")) {
      assertThat(response.code()).isEqualTo(503);
      assertThat(response.body().string()).isEqualTo("still down");
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
    assertThat(time.sleeps())
        .containsExactly(
            Duration.ofMillis(150),
            Duration.ofMillis(300),
            Duration.ofMillis(600),
            Duration.ofMillis(1200),
            Duration.ofMillis(2400));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 410, 422})
  void clientErrorsOtherThan429AreNeverRetried(int code) throws IOException {
    responses.setFailFast(status(code).build());

    try (Response response = get("/api/v1/namespaces/a/configmaps/b")) {
      assertThat(response.code()).isEqualTo(code);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void watchStreamsAreNotRetried() throws IOException {
    responses.setFailFast(status(503).build());

    try (Response response = get("/api/v1/pods?watch=true")) {
      assertThat(response.code()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionIsRetried() throws IOException {
    responses.enqueue(status(200).onRequestStart(new SocketEffect.CloseSocket()).build());
    responses.enqueue(status(200).body("ok").build());

    try (Response response = get("/api/v1/pods")) {
      assertThat(response.body().string()).isEqualTo("ok");
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(150));
  }

  @Test
  void refusedConnectionIsRetriedThenRethrown() throws IOException {
    HttpUrl closed = server.url("/version");
    server.close();

    assertThatThrownBy(() -> client.newCall(new Request.Builder().url(closed).build()).execute())
        .isInstanceOf(ConnectException.class);
    assertThat(time.sleeps()).hasSize(5);
  }

  @Test
  void timeoutsAndResetsAreTransientButTlsFailuresAreNot() {
    assertThat(RetryInterceptor.isTransient(new SocketTimeoutException("timeout"))).isTrue();
    assertThat(RetryInterceptor.isTransient(new java.io.InterruptedIOException("timeout")))
        .isTrue();
    assertThat(RetryInterceptor.isTransient(new java.net.SocketException("Connection reset")))
        .isTrue();
    assertThat(
            RetryInterceptor.isTransient(
                new IOException("unexpected end of stream", new EOFException())))
        .isTrue();
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new EOFException());
    assertThat(RetryInterceptor.isTransient(untrusted)).isFalse();
    assertThat(RetryInterceptor.isTransient(new java.io.InterruptedIOException("interrupted")))
        .isFalse();
  }

  private Response get(String path) throws IOException {
    return client
        .newCall(new Request.Builder().url(server.url("/").resolve(path)).build())
        .execute();
  }

  private static MockResponse.Builder status(int code) {
    return new MockResponse.Builder().code(code);
  }
}
