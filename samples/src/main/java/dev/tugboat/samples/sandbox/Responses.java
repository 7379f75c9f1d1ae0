package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes JSON answers and {@code Status} errors. */
final class Responses {

  static final String JSON = "application/json";

  private Responses() {}

  static void json(HttpExchange exchange, int code, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  static void json(HttpExchange exchange, int code, JsonObject body) throws IOException {
    json(exchange, code, Json.bytes(body));
  }

  static void error(HttpExchange exchange, ApiError error, ApiPath path) throws IOException {
    json(exchange, error.code(), status(error, path));
  }

  /** The {@code Status} document of an error, its details naming the object involved. */
  static JsonObject status(ApiError error, ApiPath path) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Failure");
    status.addProperty("message", error.getMessage());
    status.addProperty("reason", error.reason());
    JsonObject details = new JsonObject();
    if (error instanceof ResourceError resourceError) {
      details.addProperty("name", resourceError.name());
      if (!resourceError.group().isEmpty()) {
        details.addProperty("group", resourceError.group());
      }
      details.addProperty("kind", resourceError.kind());
    } else if (path != null) {
      if (path.name() != null) {
        details.addProperty("name", path.name());
      }
      if (!path.group().isEmpty()) {
        details.addProperty("group", path.group());
      }
      details.addProperty("kind", path.plural());
    }
    if (error.code() == 429) {
      details.addProperty("retryAfterSeconds", 1);
    }
    if (details.size() > 0) {
      status.add("details", details);
    }
    status.addProperty("code", error.code());
    return status;
  }

  /** The {@code Status} a DELETE answers when the object is gone and its type says so. */
  static JsonObject deleted(ResourceType type, String name, String uid) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Success");
    JsonObject details = new JsonObject();
    details.addProperty("name", name);
    if (!type.group().isEmpty()) {
      details.addProperty("group", type.group());
    }
    details.addProperty("kind", type.plural());
    details.addProperty("uid", uid);
    status.add("details", details);
    return status;
  }
}
