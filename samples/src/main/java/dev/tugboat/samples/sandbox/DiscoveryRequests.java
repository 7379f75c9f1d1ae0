package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers {@code /version}, the discovery documents, the minimal OpenAPI v3 documents and the
 * health checks, with and without a trailing slash. Aggregated discovery is not served: clients
 * that ask for it get the plain documents and fall back. {@code /openapi/v2} answers 404.
 */
final class DiscoveryRequests {

  private final DiscoveryDocuments documents;
  private final OpenApiDocuments openApi;

  DiscoveryRequests(DiscoveryDocuments documents, OpenApiDocuments openApi) {
    this.documents = documents;
    this.openApi = openApi;
  }

  /** Answers the request; false when the path is none of the discovery paths. */
  boolean handle(HttpExchange exchange, String path, String serverAddress) throws IOException {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (trimmed.equals("/healthz") || trimmed.equals("/readyz") || trimmed.equals("/livez")) {
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
      return true;
    }
    Optional<JsonObject> document = document(trimmed, serverAddress);
    if (document.isEmpty()) {
      return false;
    }
    Responses.json(exchange, 200, document.get());
    return true;
  }

  private Optional<JsonObject> document(String path, String serverAddress) {
    if (path.equals("/version")) {
      return Optional.of(documents.version());
    }
    if (path.equals("/api")) {
      return Optional.of(documents.coreVersions(serverAddress));
    }
    if (path.equals("/apis")) {
      return Optional.of(documents.groupList());
    }
    if (path.equals("/openapi/v3")) {
      return Optional.of(openApi.root());
    }
    if (path.startsWith("/openapi/")) {
      return openApi.groupVersion(path);
    }
    String[] segments = path.substring(1).split("/");
    if (segments.length == 2 && segments[0].equals("api")) {
      return documents.resourceList("", segments[1]);
    }
    if (segments.length == 2 && segments[0].equals("apis")) {
      return documents.group(segments[1]);
    }
    if (segments.length == 3 && segments[0].equals("apis")) {
      return documents.resourceList(segments[1], segments[2]);
    }
    return Optional.empty();
  }
}
