package dev.tugboat.core.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;

/**
 * The answer to one {@link ResourceApplier} call.
 *
 * @param outcome what happened
 * @param httpStatus the HTTP status the client reported, or 0 when no answer came (transport
 *     error). The Kubernetes client reports every success as 200, including a 201 Created.
 * @param message the server's message ({@code Status.message}) or the transport error; empty on
 *     success
 * @param object the object as the server returned it, or {@code null} when it returned none
 *     (errors, and deletes that completed at once)
 */
public record ApplyResult(ApplyOutcome outcome, int httpStatus, String message, JsonObject object) {

  public boolean isSuccess() {
    return outcome.isSuccess();
  }

  /**
   * An error answer, from its HTTP status and the {@code reason} and {@code message} of its Status.
   */
  static ApplyResult failure(int httpStatus, String reason, String message) {
    String text = message == null || message.isBlank() ? "HTTP " + httpStatus : message;
    return new ApplyResult(ApplyOutcome.ofFailure(httpStatus, reason), httpStatus, text, null);
  }

  /** No HTTP answer at all: connection refused or reset, timeout. */
  static ApplyResult noAnswer(IOException e) {
    return new ApplyResult(ApplyOutcome.FAILED, 0, "no answer from the API server: " + e, null);
  }

  /**
   * What the client's {@link ApiException} says: a transport error, or an error answer whose body
   * is a Status, some other text (from a proxy, say), or empty.
   */
  static ApplyResult of(ApiException e) {
    if (e.getCause() instanceof IOException ioException) {
      return noAnswer(ioException);
    }
    JsonObject status = parseObject(e.getResponseBody());
    if (status == null) {
      return failure(e.getCode(), null, e.getResponseBody());
    }
    return failure(e.getCode(), stringOrNull(status, "reason"), stringOrNull(status, "message"));
  }

  private static JsonObject parseObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonElement parsed = JsonParser.parseString(text);
      return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }

  private static String stringOrNull(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
