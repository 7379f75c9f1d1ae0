package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the requests for objects: {@code GET} (get, list, watch), {@code POST}, {@code PUT},
 * {@code PATCH} and {@code DELETE} (one object or a collection) on {@code
 * /api/v1/[namespaces/<ns>/]<plural>[/<name>[/<subresource>]]} and the same under {@code
 * /apis/<group>/<version>}. A get or list whose Accept header asks for a {@code meta.k8s.io} {@code
 * Table} (as {@code kubectl get} does) is answered with one, see {@link TableRenderer}.
 */
final class ResourceRequests {

  /** The API server's default watch length when the client sets no timeout (30 minutes). */
  private static final Duration DEFAULT_WATCH_TIMEOUT = Duration.ofMinutes(30);

  private final ObjectService service;
  private final ObjectRenderer renderer;
  private final TableRenderer tables;
  private final WatchStream watches;

  ResourceRequests(
      ObjectService service, ObjectRenderer renderer, TableRenderer tables, WatchStream watches) {
    this.service = service;
    this.renderer = renderer;
    this.tables = tables;
    this.watches = watches;
  }

  /** The Kubernetes verb of a request, for statistics: get, list, watch, create... */
  static String verb(String method, ApiPath path, HttpQuery query) {
    return switch (method) {
      case "GET", "HEAD" -> {
        if (path.name() != null) {
          yield "get";
        }
        yield query.flag("watch") ? "watch" : "list";
      }
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> path.name() == null ? "deletecollection" : "delete";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  void handle(HttpExchange exchange, ApiPath path, HttpQuery query) throws IOException {
    ResourceType type = resolve(path);
    String method = exchange.getRequestMethod();
    String verb = verb(method, path, query);
    checkSubresource(type, path, verb);
    String namespace = path.namespace();
    if (!verb.equals("list") && !verb.equals("watch") && type.namespaced() && namespace == null) {
      throw notFound();
    }
    if ((verb.equals("update") || verb.equals("patch")) && path.name() == null) {
      throw new ApiError(
          405, "MethodNotAllowed", method + " needs an object name: " + type.groupResource());
    }
    switch (verb) {
      case "get" -> get(exchange, type, path, query);
      case "list" -> list(exchange, type, namespace, query);
      case "watch" -> watch(exchange, type, namespace, query);
      case "create" -> create(exchange, type, path, query);
      case "update" -> update(exchange, type, path, query);
      case "patch" -> patch(exchange, type, path, query);
      case "delete" -> delete(exchange, type, path, query);
      case "deletecollection" -> deleteCollection(exchange, type, namespace, query);
      default ->
          throw new ApiError(
              405,
              "MethodNotAllowed",
              "the server does not allow this method on the requested resource");
    }
  }

  private ResourceType resolve(ApiPath path) {
    ResourceType type =
        service
            .types()
            .find(path.group(), path.version(), path.plural())
            .orElseThrow(ResourceRequests::notFound);
    if (!type.namespaced() && path.namespace() != null) {
      throw notFound();
    }
    return type;
  }

  private static void checkSubresource(ResourceType type, ApiPath path, String verb) {
    String subresource = path.subresource();
    if (subresource == null) {
      return;
    }
    boolean served =
        (subresource.equals("status") && type.hasStatus())
            || (subresource.equals("scale") && type.hasScale());
    if (!served) {
      throw notFound();
    }
    if (!verb.equals("get") && !verb.equals("update") && !verb.equals("patch")) {
      throw new ApiError(
          405,
          "MethodNotAllowed",
          "the server does not allow this method on the requested resource");
    }
  }

  private void get(HttpExchange exchange, ResourceType type, ApiPath path, HttpQuery query)
      throws IOException {
    StoredObject object = service.get(type, path.namespace(), path.name());
    Optional<TableRequest> table = tableRequest(exchange, query);
    if (table.isPresent() && path.subresource() == null) {
      JsonObject metadata = new JsonObject();
      metadata.addProperty("resourceVersion", String.valueOf(object.resourceVersion()));
      Responses.json(
          exchange, 200, tables.render(type, List.of(object.toJson()), metadata, table.get()));
    } else if ("scale".equals(path.subresource())) {
      Responses.json(exchange, 200, Scales.of(object.toJson()));
    } else {
      Responses.json(exchange, 200, renderer.render(object, type));
    }
  }

  private void list(HttpExchange exchange, ResourceType type, String namespace, HttpQuery query)
      throws IOException {
    ObjectFilter filter = filter(type, query);
    ListPage page =
        service.list(type, namespace, filter, query.number("limit", 0), query.get("continue"));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", String.valueOf(page.resourceVersion()));
    if (page.continueToken() != null) {
      metadata.addProperty("continue", page.continueToken());
    }
    if (page.remainingItemCount() != null) {
      metadata.addProperty("remainingItemCount", page.remainingItemCount());
    }
    Optional<TableRequest> table = tableRequest(exchange, query);
    if (table.isPresent()) {
      List<JsonObject> items = new ArrayList<>(page.items().size());
      page.items().forEach(item -> items.add(item.toJson()));
      Responses.json(exchange, 200, tables.render(type, items, metadata, table.get()));
      return;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("{\"kind\":\""
                + type.listKind()
                + "\",\"apiVersion\":\""
                + type.apiVersion()
                + "\",\"metadata\":"
                + Json.text(metadata)
                + ",\"items\":[")
            .getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (StoredObject item : page.items()) {
      if (!first) {
        body.write(',');
      }
      body.writeBytes(renderer.render(item, type));
      first = false;
    }
    body.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    Responses.json(exchange, 200, body.toByteArray());
  }

  private void watch(HttpExchange exchange, ResourceType type, String namespace, HttpQuery query)
      throws IOException {
    ObjectFilter filter = filter(type, query);
    long from = query.number("resourceVersion", 0);
    long timeoutSeconds = query.number("timeoutSeconds", 0);
    Duration timeout =
        timeoutSeconds > 0 ? Duration.ofSeconds(timeoutSeconds) : DEFAULT_WATCH_TIMEOUT;
    watches.stream(
        exchange,
        type,
        namespace,
        filter,
        from,
        timeout,
        query.flag("allowWatchBookmarks"),
        tableRequest(exchange, query).orElse(null));
  }

  private void create(HttpExchange exchange, ResourceType type, ApiPath path, HttpQuery query)
      throws IOException {
    if (path.name() != null) {
      throw new ApiError(
          405, "MethodNotAllowed", "POST is not allowed on a named object; use PUT or PATCH");
    }
    JsonObject created =
        service.create(type, path.namespace(), objectBody(exchange), dryRun(query), false);
    Responses.json(exchange, 201, renderer.render(created, type));
  }

  private void update(HttpExchange exchange, ResourceType type, ApiPath path, HttpQuery query)
      throws IOException {
    JsonObject body = objectBody(exchange);
    boolean dryRun = dryRun(query);
    JsonObject updated;
    if ("status".equals(path.subresource())) {
      updated = service.updateStatus(type, path.namespace(), path.name(), body, dryRun);
    } else if ("scale".equals(path.subresource())) {
      updated = service.updateScale(type, path.namespace(), path.name(), body, dryRun);
      Responses.json(exchange, 200, Scales.of(updated));
      return;
    } else {
      updated = service.update(type, path.namespace(), path.name(), body, dryRun);
    }
    Responses.json(exchange, 200, renderer.render(updated, type));
  }

  private void patch(HttpExchange exchange, ResourceType type, ApiPath path, HttpQuery query)
      throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    PatchType patchType =
        PatchType.of(contentType)
            .orElseThrow(
                () ->
                    new ApiError(
                        415,
                        "UnsupportedMediaType",
                        "the body of the request was in an unknown format - accepted media types"
                            + " include: application/json-patch+json,"
                            + " application/merge-patch+json, application/apply-patch+yaml,"
                            + " application/strategic-merge-patch+json"));
    if (patchType == PatchType.APPLY) {
      String fieldManager = query.get("fieldManager");
      if (fieldManager == null || fieldManager.isEmpty()) {
        throw new ApiError(
            400,
            "BadRequest",
            "PATCH " + type.groupResource() + ": fieldManager is required for apply requests");
      }
    }
    ObjectService.Written written =
        service.patch(
            type,
            path.namespace(),
            path.name(),
            path.subresource(),
            patchType,
            textBody(exchange),
            dryRun(query));
    int code = written.created() ? 201 : 200;
    if ("scale".equals(path.subresource())) {
      Responses.json(exchange, code, Scales.of(written.object()));
    } else {
      Responses.json(exchange, code, renderer.render(written.object(), type));
    }
  }

  private void delete(HttpExchange exchange, ResourceType type, ApiPath path, HttpQuery query)
      throws IOException {
    DeleteRequest options = DeleteRequest.of(query, textBody(exchange));
    Deletions.Result result =
        service.delete(
            type,
            path.namespace(),
            path.name(),
            options.propagationPolicy(),
            options.dryRun(),
            options.preconditionUid(),
            options.preconditionResourceVersion());
    if (result.removed() && !type.deleteReturnsObject()) {
      Responses.json(
          exchange,
          200,
          Responses.deleted(
              type, path.name(), JsonFields.string(result.object(), "metadata", "uid")));
    } else {
      Responses.json(exchange, 200, renderer.render(result.object(), type));
    }
  }

  /** Deletes every matching object; answers the list of what was deleted, as the API server. */
  private void deleteCollection(
      HttpExchange exchange, ResourceType type, String namespace, HttpQuery query)
      throws IOException {
    DeleteRequest options = DeleteRequest.of(query, textBody(exchange));
    ListPage page = service.list(type, namespace, filter(type, query), 0, null);
    List<JsonElement> deleted = new ArrayList<>();
    for (StoredObject object : page.items()) {
      try {
        deleted.add(
            service
                .delete(
                    type,
                    object.namespace(),
                    object.name(),
                    options.propagationPolicy(),
                    options.dryRun(),
                    null,
                    null)
                .object());
      } catch (ResourceError gone) {
        // removed meanwhile, e.g. as a dependent of an earlier item
      }
    }
    JsonObject list = new JsonObject();
    list.addProperty("kind", type.listKind());
    list.addProperty("apiVersion", type.apiVersion());
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", String.valueOf(page.resourceVersion()));
    list.add("metadata", metadata);
    JsonArray items = new JsonArray();
    deleted.forEach(items::add);
    list.add("items", items);
    Responses.json(exchange, 200, list);
  }

  /** The Table the client asks for in its Accept header. */
  private static Optional<TableRequest> tableRequest(HttpExchange exchange, HttpQuery query) {
    return TableRequest.of(exchange.getRequestHeaders().get("Accept"), query);
  }

  private static ObjectFilter filter(ResourceType type, HttpQuery query) {
    return ObjectFilter.parse(query.get("labelSelector"), query.get("fieldSelector"), type);
  }

  /**
   * @throws ApiError 400 BadRequest for a dry-run value other than {@code All}
   */
  static boolean dryRun(HttpQuery query) {
    List<String> values = query.all("dryRun");
    for (String value : values) {
      if (!value.equals("All")) {
        throw new ApiError(
            400, "BadRequest", "Invalid dry run value: " + value + " (only All is supported)");
      }
    }
    return !values.isEmpty();
  }

  /** The object in a POST or PUT body: JSON, YAML or (from kubectl's typed commands) protobuf. */
  private static JsonObject objectBody(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (body.length == 0) {
      throw new ApiError(400, "BadRequest", "the request has no body; an object is expected");
    }
    if (ProtobufBodies.isProtobuf(contentType)) {
      return ProtobufBodies.decode(body);
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (contentType != null && contentType.contains("yaml")) {
      return YamlJson.parseObject(text);
    }
    return Json.parseObject(text);
  }

  private static String textBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ApiError notFound() {
    return new ApiError(404, "NotFound", "the server could not find the requested resource");
  }
}
