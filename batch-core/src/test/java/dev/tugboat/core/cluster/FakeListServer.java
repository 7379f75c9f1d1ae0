package dev.tugboat.core.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted API server for the LIST requests of one resource type. It serves a set of objects in
 * storage-key order ({@code namespace/name} compared as bytes, as etcd sorts its keys), in pages
 * honouring {@code limit} and {@code continue}. As on a real server, a continue token pins the
 * listing its first page was taken from, and items come without {@code apiVersion} and {@code
 * kind}, which only the List carries.
 *
 * <p>The test can change the objects, expire every token issued so far (using one then answers 410
 * with an {@code Expired} Status), make every token expire as soon as it is used, or make every
 * request fail with a given status.
 */
final class FakeListServer extends Dispatcher {

  private final String groupVersionPath;
  private final String plural;
  private final String listApiVersion;
  private final String listKind;
  private final List<JsonObject> objects = new ArrayList<>();

  /** The listings that continue tokens point into, by snapshot id. */
  private final Map<Integer, List<JsonObject>> snapshots = new HashMap<>();

  private int nextSnapshotId = 1;
  private int tokenGeneration = 1;
  private boolean everyTokenExpired;
  private MockResponse failure;

  /**
   * @param groupVersionPath e.g. {@code /api/v1} or {@code /apis/apps/v1}
   * @param plural e.g. {@code configmaps}
   * @param listApiVersion the List's {@code apiVersion}; {@code null} leaves it out
   * @param listKind the List's {@code kind}, e.g. {@code ConfigMapList}; {@code null} leaves it out
   * @param objects the objects served, without apiVersion and kind, in any order
   */
  FakeListServer(
      String groupVersionPath,
      String plural,
      String listApiVersion,
      String listKind,
      List<JsonObject> objects) {
    this.groupVersionPath = groupVersionPath;
    this.plural = plural;
    this.listApiVersion = listApiVersion;
    this.listKind = listKind;
    objects.forEach(this::add);
  }

  synchronized void add(JsonObject object) {
    objects.add(object.deepCopy());
    objects.sort(Comparator.comparing(FakeListServer::storageKey));
  }

  synchronized void remove(String namespace, String name) {
    if (!objects.removeIf(o -> storageKey(o).equals(namespace + "/" + name))) {
      throw new IllegalArgumentException("no object " + namespace + "/" + name);
    }
  }

  /** Makes every continue token issued so far answer 410 Expired, as after etcd compaction. */
  synchronized void expireTokens() {
    tokenGeneration++;
  }

  /** Makes every continue token answer 410 Expired, even a fresh one. */
  synchronized void expireEveryToken() {
    everyTokenExpired = true;
  }

  /** Answers every request with this error until {@link #recover()}. */
  synchronized void failWith(int code, String reason, String message) {
    failure = ApiAnswers.status(code, reason, message);
  }

  synchronized void recover() {
    failure = null;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    if (failure != null) {
      return failure;
    }
    String path = request.getUrl().encodedPath();
    String namespace;
    if (path.equals(groupVersionPath + "/" + plural)) {
      namespace = null;
    } else if (path.startsWith(groupVersionPath + "/namespaces/") && path.endsWith("/" + plural)) {
      namespace =
          path.substring(
              (groupVersionPath + "/namespaces/").length(), path.length() - plural.length() - 1);
    } else {
      return ApiAnswers.status(404, "NotFound", "the server could not find the requested resource");
    }
    if (!"GET".equals(request.getMethod())) {
      return ApiAnswers.status(405, "MethodNotAllowed", "only LIST is scripted");
    }
    String limit = request.getUrl().queryParameter("limit");
    String token = request.getUrl().queryParameter("continue");
    return token == null ? firstPage(namespace, limit) : nextPage(token, limit);
  }

  private MockResponse firstPage(String namespace, String limit) {
    List<JsonObject> snapshot = new ArrayList<>();
    for (JsonObject object : objects) {
      if (namespace == null || namespace.equals(namespaceOf(object))) {
        snapshot.add(object.deepCopy());
      }
    }
    int snapshotId = nextSnapshotId++;
    snapshots.put(snapshotId, snapshot);
    return page(snapshotId, 0, limit);
  }

  private MockResponse nextPage(String token, String limit) {
    String[] parts = token.split("\\.");
    if (everyTokenExpired || Integer.parseInt(parts[0]) != tokenGeneration) {
      return ApiAnswers.status(
          410,
          "Expired",
          "The provided continue parameter is too old to display a consistent list result. You"
              + " can start a new list without the continue parameter.");
    }
    return page(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), limit);
  }

  private MockResponse page(int snapshotId, int offset, String limit) {
    List<JsonObject> snapshot = snapshots.get(snapshotId);
    int end =
        limit == null
            ? snapshot.size()
            : Math.min(snapshot.size(), offset + Integer.parseInt(limit));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", String.valueOf(1000 + snapshotId));
    if (end < snapshot.size()) {
      metadata.addProperty("continue", tokenGeneration + "." + snapshotId + "." + end);
      metadata.addProperty("remainingItemCount", snapshot.size() - end);
    }
    JsonArray items = new JsonArray();
    snapshot.subList(offset, end).forEach(items::add);
    JsonObject list = new JsonObject();
    if (listApiVersion != null) {
      list.addProperty("apiVersion", listApiVersion);
    }
    if (listKind != null) {
      list.addProperty("kind", listKind);
    }
    list.add("metadata", metadata);
    list.add("items", items);
    return ApiAnswers.json(200, list);
  }

  private static String storageKey(JsonObject object) {
    String namespace = namespaceOf(object);
    String name = object.getAsJsonObject("metadata").get("name").getAsString();
    return namespace == null ? name : namespace + "/" + name;
  }

  private static String namespaceOf(JsonObject object) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    return metadata.has("namespace") ? metadata.get("namespace").getAsString() : null;
  }
}
