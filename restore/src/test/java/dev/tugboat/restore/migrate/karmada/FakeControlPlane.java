package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.Sleeper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A scripted Karmada API server over real HTTP. Each request {@code METHOD /path?query} is answered
 * from its own queue of answers, in order, the last one repeating; an unscripted request gets a 404
 * Status naming it. Its sleeper only advances its clock.
 */
final class FakeControlPlane implements AutoCloseable {

  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  static final ApiResource DEPLOYMENTS = type("apps", "deployments", "Deployment", true);
  static final ApiResource CONFIG_MAPS = type("", "configmaps", "ConfigMap", true);
  static final ApiResource CLUSTER_ROLES =
      type("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false);

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<JsonElement> bodies = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Instant now = START;

  FakeControlPlane() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            String target =
                request.getMethod()
                    + " "
                    + url.encodedPath()
                    + (url.query() == null ? "" : "?" + url.query());
            requests.add(target);
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            if (!body.isEmpty()) {
              bodies.add(JsonParser.parseString(body));
            }
            Deque<MockResponse> queue = answers.get(target);
            if (queue == null) {
              return status(404, "NotFound", "no answer for " + target);
            }
            synchronized (queue) {
              return queue.size() > 1 ? queue.poll() : queue.peek();
            }
          }
        });
    server.start();
  }

  /** Answers {@code request} ({@code METHOD /path?query}) next with this JSON. */
  FakeControlPlane answer(String request, int code, String json) {
    return answer(
        request, new MockResponse(code, Headers.of("Content-Type", "application/json"), json));
  }

  FakeControlPlane answer(String request, JsonObject object) {
    return answer(request, 200, object.toString());
  }

  /** Answers {@code request} next with a list of these items. */
  FakeControlPlane list(String request, String... items) {
    JsonArray array = new JsonArray();
    for (String item : items) {
      array.add(JsonParser.parseString(item));
    }
    JsonObject list = new JsonObject();
    list.addProperty("apiVersion", "v1");
    list.addProperty("kind", "List");
    list.add("metadata", new JsonObject());
    list.add("items", array);
    return answer(request, 200, list.toString());
  }

  /** Answers {@code request} next with an error Status. */
  FakeControlPlane fail(String request, int code, String reason, String message) {
    return answer(request, status(code, reason, message));
  }

  private FakeControlPlane answer(String request, MockResponse response) {
    answers.computeIfAbsent(request, key -> new ArrayDeque<>()).add(response);
    return this;
  }

  ApiClient client() {
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    return new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
  }

  static ResourceCatalog catalog() {
    return new ResourceCatalog(List.of(DEPLOYMENTS, CONFIG_MAPS, CLUSTER_ROLES), List.of());
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("fixed to UTC");
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  Sleeper sleeper() {
    return duration -> {
      sleeps.add(duration);
      now = now.plus(duration);
    };
  }

  /** Every request so far, as {@code METHOD /path?query}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** The bodies of the requests that had one, in order. */
  List<JsonElement> bodies() {
    return List.copyOf(bodies);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public void close() {
    server.close();
  }

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json"), status.toString());
  }

  private static ApiResource type(String group, String plural, String kind, boolean namespaced) {
    return new ApiResource(
        group,
        "v1",
        plural,
        kind,
        namespaced,
        Set.of("get", "list", "create", "patch", "delete"),
        List.of(),
        "v1");
  }
}
