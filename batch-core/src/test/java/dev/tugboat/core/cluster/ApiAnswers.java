package dev.tugboat.core.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/** HTTP answers shaped like the Kubernetes API server's, for scripted servers. */
final class ApiAnswers {

  private ApiAnswers() {}

  /** A {@code Status} answer, as the API server sends for errors. */
  static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.add("metadata", new JsonObject());
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return json(code, status);
  }

  static MockResponse json(int code, JsonElement body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body.toString());
  }
}
