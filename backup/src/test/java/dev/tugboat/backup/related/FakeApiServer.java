package dev.tugboat.backup.related;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A scripted API server for GET and LIST of stored objects. Objects are kept by their URL path, so
 * LIST answers come in name order, as from a real server. Paths can be made to answer an error
 * Status instead. Every request is recorded as {@code GET <path>}.
 */
final class FakeApiServer extends Dispatcher {

  private final Map<String, JsonObject> objects = new TreeMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final Set<String> plurals;

  /**
   * @param types the types served: a path ending in one of their plurals is a LIST
   */
  FakeApiServer(Collection<ApiResource> types) {
    this.plurals = types.stream().map(ApiResource::plural).collect(Collectors.toSet());
  }

  /** Stores an object (with its apiVersion and kind) of the given type. */
  synchronized void add(ApiResource type, JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    String namespace = metadata.has("namespace") ? metadata.get("namespace").getAsString() : null;
    objects.put(collectionPath(type, namespace) + "/" + metadata.get("name").getAsString(), object);
  }

  /** Makes requests to {@code path} answer an error Status with this code. */
  synchronized void fail(String path, int code) {
    failures.put(path, code);
  }

  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** E.g. {@code /api/v1/namespaces/shop/persistentvolumeclaims}. */
  static String collectionPath(ApiResource type, String namespace) {
    String path = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.apiVersion();
    return path + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + type.plural();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    requests.add(request.getMethod() + " " + path);
    if (failures.containsKey(path)) {
      return status(failures.get(path));
    }
    if (!request.getMethod().equals("GET")) {
      return status(405);
    }
    JsonObject object = objects.get(path);
    if (object != null) {
      return json(object);
    }
    if (!plurals.contains(path.substring(path.lastIndexOf('/') + 1))) {
      return status(404);
    }
    JsonArray items = new JsonArray();
    objects.forEach(
        (objectPath, item) -> {
          if (objectPath.substring(0, objectPath.lastIndexOf('/')).equals(path)) {
            items.add(item);
          }
        });
    JsonObject list = new JsonObject();
    list.add("metadata", new JsonObject());
    list.add("items", items);
    return json(list);
  }

  private static MockResponse status(int code) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Failure");
    status.addProperty("message", "scripted failure " + code);
    status.addProperty("reason", code == 404 ? "NotFound" : code == 403 ? "Forbidden" : "Other");
    status.addProperty("code", code);
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json"), status.toString());
  }

  private static MockResponse json(JsonObject body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body.toString());
  }
}
