package dev.tugboat.restore.rollback;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.UpdateOptions;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Replaces whole objects (PUT), which {@link ResourceApplier} does not do: putting a before-image
 * back must also remove what the restore added, and a replace at the object's current {@code
 * resourceVersion} fails instead of overwriting a change made in between.
 */
final class ObjectReplacer {

  private final ApiClient apiClient;

  /** Built once per type: the constructor re-registers Gson adapters on the client. */
  private final ConcurrentMap<ApiResource, DynamicKubernetesApi> apis = new ConcurrentHashMap<>();

  ObjectReplacer(ApiClient apiClient) {
    this.apiClient = apiClient;
  }

  /**
   * @param object the whole object, with the {@code metadata.resourceVersion} it replaces
   * @return empty when replaced; otherwise the server's refusal
   */
  Optional<String> replace(ApiResource resource, JsonObject object) {
    DynamicKubernetesApi api =
        apis.computeIfAbsent(
            resource,
            type ->
                new DynamicKubernetesApi(type.group(), type.version(), type.plural(), apiClient));
    KubernetesApiResponse<DynamicKubernetesObject> response =
        api.update(
            new DynamicKubernetesObject(object),
            new UpdateOptions().fieldManager(ResourceApplier.FIELD_MANAGER));
    if (response.isSuccess()) {
      return Optional.empty();
    }
    String message = response.getStatus() == null ? null : response.getStatus().getMessage();
    return Optional.of(
        "HTTP " + response.getHttpStatusCode() + (message == null ? "" : ": " + message));
  }
}
