package dev.tugboat.restore.migrate.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tugboat.restore.capacity.plan.Hook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Webhooks POSTed to a real local HTTP server whose answers each test scripts. */
class WebhookHookTest {

  private static final HookContext AFTER_SHOP =
      HookContext.afterApplication("demo-failover", "shop", "Migrated");

  /** What the server received. */
  private record Received(
      String method, URI uri, String contentType, String authorization, String body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final HookRunner runner = new HookRunner();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger hooksLogger =
      (Logger) LoggerFactory.getLogger("dev.tugboat.restore.migrate.hooks");
  private HttpServer server;
  private volatile int status;
  private volatile String answer;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/notify", this::answer);
    server.createContext("/hooks/stuck", exchange -> awaitRelease(exchange));
    server.setExecutor(serverThreads);
    server.start();
    logs.start();
    hooksLogger.addAppender(logs);
  }

  @AfterEach
  void stopServer() {
    hooksLogger.detachAppender(logs);
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void awaitRelease(HttpExchange exchange) throws IOException {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static Hook webhook(String url, Duration timeout) {
    return new Hook("notify", new Hook.Webhook(URI.create(url)), timeout);
  }

  @Test
  void a2xxAnswerSucceedsAndTheContextIsPostedAsJson() throws InterruptedException {
    status = 200;
    answer = "noted\n";

    HookResult result =
        runner.run(webhook(base() + "/hooks/notify", Duration.ofSeconds(60)), AFTER_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                true,
                "Hook 'notify' (POST " + base() + "/hooks/notify) succeeded: HTTP 200",
                List.of("noted")));
    assertThat(received.poll(10, TimeUnit.SECONDS))
        .isEqualTo(
            new Received(
                "POST",
                URI.create("/hooks/notify"),
                "application/json",
                null,
                "{\"migration\":\"demo-failover\",\"hook\":\"afterApplication\","
                    + "\"application\":\"shop\",\"status\":\"Migrated\"}"));
  }

  @Test
  void aCutoverHookPostsAnEmptyApplicationAndStatus() throws InterruptedException {
    status = 204;
    answer = "";

    HookResult result =
        runner.run(
            webhook(base() + "/hooks/notify", Duration.ofSeconds(60)),
            HookContext.beforeCutover("demo-failover"));

    assertThat(result.succeeded()).isTrue();
    assertThat(received.poll(10, TimeUnit.SECONDS).body())
        .isEqualTo(
            "{\"migration\":\"demo-failover\",\"hook\":\"beforeCutover\",\"application\":\"\","
                + "\"status\":\"\"}");
  }

  @Test
  void aNon2xxAnswerFailsWithTheStatusAndTheBodysFirst200Characters() {
    status = 500;
    String detail = "x".repeat(250);
    answer = "upstream pool not found\n" + detail;

    HookResult result =
        runner.run(webhook(base() + "/hooks/notify", Duration.ofSeconds(60)), AFTER_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                false,
                "Hook 'notify' (POST "
                    + base()
                    + "/hooks/notify) failed: HTTP 500: "
                    + ("upstream pool not found\n" + detail).substring(0, 200),
                List.of("upstream pool not found", detail)));
  }

  @Test
  void neverShowsTheUrlsUserinfoOrQueryButSendsThem() throws InterruptedException {
    status = 503;
    answer = "";
    String secretUrl =
        "http://bot:s3cret@127.0.0.1:"
            + server.getAddress().getPort()
            + "/hooks/notify?token=abc123";

    HookResult result = runner.run(webhook(secretUrl, Duration.ofSeconds(60)), AFTER_SHOP);

    assertThat(result.summary())
        .isEqualTo("Hook 'notify' (POST " + base() + "/hooks/notify) failed: HTTP 503");
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Running hook 'notify' (POST " + base() + "/hooks/notify) at afterApplication of shop",
            "Hook 'notify' (POST " + base() + "/hooks/notify) failed: HTTP 503");
    Received request = received.poll(10, TimeUnit.SECONDS);
    assertThat(request.uri()).isEqualTo(URI.create("/hooks/notify?token=abc123"));
    assertThat(request.authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("bot:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void noAnswerWithinTheTimeoutFails() {
    HookResult result =
        runner.run(webhook(base() + "/hooks/stuck?token=abc", Duration.ofMillis(200)), AFTER_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                false,
                "Hook 'notify' (POST " + base() + "/hooks/stuck) failed: no answer within 200ms",
                List.of()));
  }

  @Test
  void anUnreachableServerFails() {
    String url = base() + "/hooks/notify";
    server.stop(0);

    HookResult result = runner.run(webhook(url, Duration.ofSeconds(60)), AFTER_SHOP);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.summary())
        .startsWith(
            "Hook 'notify' (POST " + url + ") failed: it could not be sent: ConnectException");
  }
}
