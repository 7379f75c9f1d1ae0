package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.Sleeper;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * An API server whose answers change from poll to poll: poll {@code n} is answered from scene
 * {@code n} (the last scene once they run out). Its sleeper moves to the next scene and advances
 * its clock, so a wait runs through the scenes without sleeping. Requests without an answer get a
 * 404 Status naming them.
 */
final class ScriptedCluster implements AutoCloseable {

  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final List<Map<String, MockResponse>> scenes = new ArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile int poll;
  private volatile Instant now = START;

  ScriptedCluster() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            HttpUrl url = request.getUrl();
            String target = url.encodedPath() + (url.query() == null ? "" : "?" + url.query());
            requests.add(poll + ": " + request.getMethod() + " " + target);
            MockResponse answer = scenes.get(Math.min(poll, scenes.size() - 1)).get(target);
            return answer == null ? status(404, "NotFound", "no answer for " + target) : answer;
          }
        });
    server.start();
  }

  /** Starts the answers of the next poll; the first call starts poll 0. */
  ScriptedCluster scene() {
    scenes.add(new HashMap<>());
    return this;
  }

  /** In the current scene, answers GET {@code target} ({@code path?query}, decoded) with JSON. */
  ScriptedCluster answer(String target, String json) {
    return answer(target, answer(200, json));
  }

  /** In the current scene, answers GET {@code target} with a LIST of these items. */
  ScriptedCluster list(String target, String... items) {
    JsonArray array = new JsonArray();
    for (String item : items) {
      array.add(JsonParser.parseString(item));
    }
    JsonObject list = new JsonObject();
    list.addProperty("apiVersion", "v1");
    list.addProperty("kind", "List");
    list.add("metadata", new JsonObject());
    list.add("items", array);
    return answer(target, list.toString());
  }

  /** In the current scene, answers GET {@code target} with an error Status. */
  ScriptedCluster fail(String target, int code, String reason, String message) {
    return answer(target, status(code, reason, message));
  }

  private ScriptedCluster answer(String target, MockResponse response) {
    scenes.get(scenes.size() - 1).put(target, response);
    return this;
  }

  ApiClient client() {
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    return new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
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
      poll++;
    };
  }

  /** Every request so far, as {@code <poll>: GET <path?query>}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public void close() {
    server.close();
  }

  private static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return answer(code, status.toString());
  }

  private static MockResponse answer(int code, String json) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), json);
  }
}
