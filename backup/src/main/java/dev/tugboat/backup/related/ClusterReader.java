package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ListRequestException;
import dev.tugboat.core.cluster.PagedListReader;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads related objects from the cluster: one by name (GET), or every object of a cluster-scoped
 * type (LIST). The backup can do without an object that is gone (a warning) or that it may not read
 * (an error, so the backup ends partially failed); any other failure throws, failing the step,
 * which is then run again as a whole.
 */
final class ClusterReader {

  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;

  private final ApiClient apiClient;

  /** One per type: building one registers a Gson adapter on the client again. */
  private final Map<ApiResource, DynamicKubernetesApi> apis = new HashMap<>();

  ClusterReader(ApiClient apiClient) {
    this.apiClient = apiClient;
  }

  /**
   * Reads one object, with {@code apiVersion} and {@code kind} set.
   *
   * @param referrer what refers to the object, for messages, e.g. {@code bound to
   *     persistentvolumeclaim shop/data}
   * @return the object; empty, with a problem added, when it does not exist or may not be read
   * @throws IOException when the request fails in any other way
   */
  Optional<JsonObject> get(ApiResource type, ObjectRef ref, String referrer, List<Problem> problems)
      throws IOException {
    String what = ref.describe() + " (" + referrer + ")";
    DynamicKubernetesApi api = apis.computeIfAbsent(type, this::newApi);
    KubernetesApiResponse<DynamicKubernetesObject> response;
    try {
      response =
          ref.namespace().isEmpty() ? api.get(ref.name()) : api.get(ref.namespace(), ref.name());
    } catch (RuntimeException e) {
      // The client throws for transport failures and for error answers it cannot parse.
      throw new IOException("GET " + what + " failed: " + e.getMessage(), e);
    }
    if (response.isSuccess()) {
      return Optional.of(withTypeMeta(response.getObject().getRaw(), type));
    }
    switch (response.getHttpStatusCode()) {
      case NOT_FOUND -> problems.add(new Problem(false, ref.namespace(), what + " was not found"));
      case FORBIDDEN ->
          problems.add(
              new Problem(
                  true, ref.namespace(), what + " could not be read: " + describe(response)));
      default -> throw new IOException("GET " + what + " failed: " + describe(response));
    }
    return Optional.empty();
  }

  /**
   * Hands every object of a cluster-scoped type to {@code consumer}, page by page.
   *
   * @param purpose why the type is listed, for the message when listing is forbidden, e.g. {@code
   *     to find the bindings of the backup's service accounts}
   * @throws ListRequestException when the LIST fails other than by being forbidden
   */
  void list(
      ApiResource type, String purpose, Consumer<JsonObject> consumer, List<Problem> problems) {
    PagedListReader reader =
        PagedListReader.builder("related-" + type.groupResource(), apiClient, type).build();
    try {
      for (JsonObject object = reader.read(); object != null; object = reader.read()) {
        consumer.accept(object);
      }
    } catch (ListRequestException e) {
      if (!e.isForbidden()) {
        throw e;
      }
      problems.add(new Problem(true, "", e.getMessage() + " (" + purpose + ")"));
    } finally {
      reader.close();
    }
  }

  private DynamicKubernetesApi newApi(ApiResource type) {
    return new DynamicKubernetesApi(type.group(), type.version(), type.plural(), apiClient);
  }

  /** The object with {@code apiVersion} and {@code kind} first, as the archive needs them. */
  private static JsonObject withTypeMeta(JsonObject object, ApiResource type) {
    if (object.has("apiVersion") && object.has("kind")) {
      return object;
    }
    JsonObject complete = new JsonObject();
    complete.addProperty("apiVersion", type.apiVersion());
    complete.addProperty("kind", type.kind());
    object.entrySet().forEach(field -> complete.add(field.getKey(), field.getValue()));
    return complete;
  }

  /** E.g. {@code HTTP 403 Forbidden: persistentvolumes "pv-1" is forbidden: ...}. */
  private static String describe(KubernetesApiResponse<?> response) {
    V1Status status = response.getStatus();
    StringBuilder text = new StringBuilder("HTTP ").append(response.getHttpStatusCode());
    if (status != null && status.getReason() != null) {
      text.append(' ').append(status.getReason());
    }
    if (status != null && status.getMessage() != null) {
      text.append(": ").append(status.getMessage());
    }
    return text.toString();
  }
}
