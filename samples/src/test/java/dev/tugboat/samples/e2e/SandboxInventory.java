package dev.tugboat.samples.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What a backup of a sandbox should hold, found independently of Tugboat: plain HTTP discovery (the
 * preferred version of each group) and one unpaged LIST per type whose verbs allow list, create,
 * get and delete, with Velero's exclusions applied: events, objects labelled {@code
 * velero.io/exclude-from-backup=true}, objects being deleted, and everything in a namespace with
 * that label.
 */
final class SandboxInventory {

  /** Types that are never backed up: they cannot be restored. */
  static final Set<String> EVENTS = Set.of("events", "events.events.k8s.io");

  /**
   * Namespace objects are not listed by a partition but written by the backup's {@code related}
   * step, with the other {@link PulledInDependencies}: the inventory leaves them out.
   */
  static final Set<String> WRITTEN_AS_DEPENDENCIES = Set.of("namespaces");

  private static final String EXCLUDE_LABEL = "velero.io/exclude-from-backup";

  /** Attempts of a request that a sandbox injecting faults answered 429 or 500. */
  private static final int ATTEMPTS = 20;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  SandboxInventory(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A type the sandbox serves in its group's preferred version. */
  record Type(
      String groupResource, String apiVersion, String plural, String kind, boolean namespaced) {

    boolean clusterScoped() {
      return !namespaced;
    }
  }

  /** The backable types, minus events and the pending dependency types. */
  List<Type> types() throws IOException, InterruptedException {
    List<Type> types = new ArrayList<>();
    addTypes("v1", "/api/v1", types);
    for (JsonElement group : get("/apis").getAsJsonArray("groups")) {
      String groupVersion =
          group
              .getAsJsonObject()
              .getAsJsonObject("preferredVersion")
              .get("groupVersion")
              .getAsString();
      addTypes(groupVersion, "/apis/" + groupVersion, types);
    }
    types.removeIf(
        type ->
            EVENTS.contains(type.groupResource())
                || WRITTEN_AS_DEPENDENCIES.contains(type.groupResource()));
    return types;
  }

  /** Every object a full backup holds, as LIST returns it, with its apiVersion and kind set. */
  Map<ItemKey, JsonObject> items() throws IOException, InterruptedException {
    return items(type -> true);
  }

  /** The objects of the types {@code include} accepts that a backup holds. */
  Map<ItemKey, JsonObject> items(Predicate<Type> include) throws IOException, InterruptedException {
    Set<String> excludedNamespaces = new java.util.HashSet<>();
    for (JsonElement namespace : get("/api/v1/namespaces").getAsJsonArray("items")) {
      if (excluded(namespace.getAsJsonObject())) {
        excludedNamespaces.add(
            namespace.getAsJsonObject().getAsJsonObject("metadata").get("name").getAsString());
      }
    }
    Map<ItemKey, JsonObject> items = new TreeMap<>();
    for (Type type : types()) {
      if (!include.test(type)) {
        continue;
      }
      String prefix = type.apiVersion().contains("/") ? "/apis/" : "/api/";
      for (JsonElement element :
          get(prefix + type.apiVersion() + "/" + type.plural()).getAsJsonArray("items")) {
        JsonObject item = element.getAsJsonObject();
        JsonObject metadata = item.getAsJsonObject("metadata");
        String namespace = metadata.has("namespace") ? metadata.get("namespace").getAsString() : "";
        if (excluded(item)
            || metadata.has("deletionTimestamp")
            || excludedNamespaces.contains(namespace)) {
          continue;
        }
        item.addProperty("apiVersion", type.apiVersion());
        item.addProperty("kind", type.kind());
        items.put(
            new ItemKey(type.groupResource(), namespace, metadata.get("name").getAsString()), item);
      }
    }
    return items;
  }

  /**
   * Every object of the types {@link #items()} lists and every Namespace object, excluded or not:
   * what a cluster holds, as a restore's target is compared.
   */
  Map<ItemKey, JsonObject> everything() throws IOException, InterruptedException {
    Map<ItemKey, JsonObject> everything = new TreeMap<>(items());
    for (JsonElement element : get("/api/v1/namespaces").getAsJsonArray("items")) {
      JsonObject namespace = element.getAsJsonObject();
      namespace.addProperty("apiVersion", "v1");
      namespace.addProperty("kind", "Namespace");
      everything.put(
          new ItemKey(
              "namespaces", "", namespace.getAsJsonObject("metadata").get("name").getAsString()),
          namespace);
    }
    return everything;
  }

  private void addTypes(String groupVersion, String path, List<Type> types)
      throws IOException, InterruptedException {
    String group =
        groupVersion.contains("/") ? groupVersion.substring(0, groupVersion.indexOf('/')) : "";
    for (JsonElement element : get(path).getAsJsonArray("resources")) {
      JsonObject resource = element.getAsJsonObject();
      String plural = resource.get("name").getAsString();
      List<String> verbs = new ArrayList<>();
      resource.getAsJsonArray("verbs").forEach(verb -> verbs.add(verb.getAsString()));
      if (plural.contains("/") || !verbs.containsAll(List.of("list", "create", "get", "delete"))) {
        continue;
      }
      types.add(
          new Type(
              group.isEmpty() ? plural : plural + "." + group,
              groupVersion,
              plural,
              resource.get("kind").getAsString(),
              resource.get("namespaced").getAsBoolean()));
    }
  }

  private static boolean excluded(JsonObject object) {
    JsonObject labels = object.getAsJsonObject("metadata").getAsJsonObject("labels");
    return labels != null
        && labels.has(EXCLUDE_LABEL)
        && labels.get(EXCLUDE_LABEL).getAsString().equals("true");
  }

  private JsonObject get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(path);
    for (int attempt = 1;
        attempt < ATTEMPTS && (response.statusCode() == 429 || response.statusCode() == 500);
        attempt++) {
      response = send(path);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
