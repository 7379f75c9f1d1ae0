package dev.tugboat.core.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Response;

/**
 * GETs a JSON document from the API server and parses it without a typed model, so that a malformed
 * aggregated API cannot break the parse of anything but its own document.
 */
final class ApiDocumentReader {

  private final ApiClient client;

  ApiDocumentReader(ApiClient client) {
    this.client = client;
  }

  /**
   * @param path e.g. {@code /apis/apps/v1}
   * @throws Unavailable with a one-line reason when the document cannot be had
   */
  JsonObject read(String path) throws Unavailable {
    try (Response response = newCall(path).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new Unavailable("HTTP " + response.code() + statusMessage(body));
      }
      JsonElement document = JsonParser.parseString(body);
      if (!document.isJsonObject()) {
        throw new Unavailable("malformed JSON: not an object");
      }
      return document.getAsJsonObject();
    } catch (SSLException e) {
      throw new Unavailable(
          "TLS handshake with "
              + client.getBasePath()
              + " failed ("
              + e.getMessage()
              + "). If the server certificate is not trusted, give the CA that signed it:"
              + " certificate-authority or certificate-authority-data in the kubeconfig");
    } catch (IOException e) {
      throw new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (JsonParseException e) {
      throw new Unavailable("malformed JSON: " + e.getMessage());
    }
  }

  private Call newCall(String path) throws Unavailable {
    try {
      return client.buildCall(
          client.getBasePath(),
          path,
          "GET",
          List.of(),
          List.of(),
          null,
          // mutable: the client adds the Authorization header to this map
          new HashMap<>(Map.of("Accept", "application/json")),
          new HashMap<>(),
          new HashMap<>(),
          new String[] {"BearerToken"},
          null);
    } catch (ApiException e) {
      throw new Unavailable("cannot build the request: " + e.getMessage());
    }
  }

  /**
   * The {@code message} of a Kubernetes Status body, which says why, e.g. "service unavailable".
   */
  private static String statusMessage(String body) {
    try {
      JsonElement status = JsonParser.parseString(body);
      JsonElement message = status.isJsonObject() ? status.getAsJsonObject().get("message") : null;
      if (message != null && message.isJsonPrimitive()) {
        return ": " + message.getAsString();
      }
    } catch (JsonParseException e) {
      // not a Status object: the status code alone says enough
    }
    return "";
  }

  /** A document could not be read; the message is the reason. */
  static final class Unavailable extends Exception {
    Unavailable(String reason) {
      super(reason);
    }
  }
}
