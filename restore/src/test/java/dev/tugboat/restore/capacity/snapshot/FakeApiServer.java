package dev.tugboat.restore.capacity.snapshot;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** An API server that answers GETs from a table of {@code path?query} to JSON, and logs them. */
final class FakeApiServer implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  FakeApiServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String query = request.getUrl().encodedQuery();
            String target = request.getUrl().encodedPath() + (query == null ? "" : "?" + query);
            requests.add(request.getMethod() + " " + target);
            String body = answers.get(target);
            return body == null
                ? new MockResponse(
                    404,
                    Headers.of("Content-Type", "application/json"),
                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"reason\":\"NotFound\","
                        + "\"message\":\"no answer for "
                        + target
                        + "\"}")
                : new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
          }
        });
    server.start();
  }

  /** Answers GET {@code target} ({@code path?query}) with {@code json}. */
  void answer(String target, String json) {
    answers.put(target, json.replace('\'', '"'));
  }

  /** A LIST page answer: the items and the continue token, empty for the last page. */
  static String list(String kind, String continueToken, JsonObject... items) {
    JsonObject list = new JsonObject();
    list.addProperty("apiVersion", "v1");
    list.addProperty("kind", kind + "List");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("continue", continueToken);
    list.add("metadata", metadata);
    JsonArray array = new JsonArray();
    for (JsonObject item : items) {
      array.add(item);
    }
    list.add("items", array);
    return list.toString();
  }

  ApiClient client() {
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    return new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
  }

  /** The requests so far, e.g. {@code GET /api/v1/nodes?limit=500}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.close();
  }
}
