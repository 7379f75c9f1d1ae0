package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.json.JsonPaths;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Karmada's bindings: the ResourceBinding (ClusterResourceBinding for a cluster-scoped template)
 * through which the control plane schedules and applies one resource template to member clusters.
 */
final class Bindings {

  /** Built once: the constructor re-registers Gson adapters on the client. */
  private final DynamicKubernetesApi resourceBindings;

  private final DynamicKubernetesApi clusterResourceBindings;

  Bindings(ApiClient apiClient) {
    this.resourceBindings = api(KarmadaTypes.RESOURCE_BINDINGS, apiClient);
    this.clusterResourceBindings = api(KarmadaTypes.CLUSTER_RESOURCE_BINDINGS, apiClient);
  }

  /**
   * The ResourceBindings of a namespace, or all ClusterResourceBindings when {@code namespace} is
   * {@code null}.
   *
   * @throws KarmadaException when they cannot be listed
   */
  List<JsonObject> list(String namespace) throws KarmadaException {
    String what =
        namespace == null ? "ClusterResourceBindings" : "ResourceBindings in " + namespace;
    KubernetesApiResponse<DynamicKubernetesListObject> response;
    try {
      response =
          namespace == null ? clusterResourceBindings.list() : resourceBindings.list(namespace);
    } catch (RuntimeException e) {
      // The client throws for transport failures and for error answers it cannot parse.
      throw new KarmadaException("could not list " + what + ": " + e.getMessage());
    }
    if (!response.isSuccess()) {
      V1Status status = response.getStatus();
      throw new KarmadaException(
          "could not list "
              + what
              + " (HTTP "
              + response.getHttpStatusCode()
              + "): "
              + (status == null ? "" : status.getMessage()));
    }
    return JsonPaths.objects(response.getObject().getRaw(), "items");
  }

  /**
   * The binding whose {@code spec.resource} names the template. Karmada names bindings {@code
   * <name>-<kind>} in lower case, but a long or clashing name gets another, so the reference is
   * what counts. The version is not compared: the binding may record the template in another
   * version of its group.
   */
  static Optional<JsonObject> bindingOf(TemplateRef template, List<JsonObject> bindings) {
    return bindings.stream().filter(binding -> names(binding, template)).findFirst();
  }

  private static boolean names(JsonObject binding, TemplateRef template) {
    JsonObject resource = JsonPaths.object(binding, "spec", "resource").orElseGet(JsonObject::new);
    String apiVersion = JsonPaths.string(resource, "apiVersion").orElse("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    Optional<String> namespace =
        JsonPaths.string(resource, "namespace").filter(given -> !given.isEmpty());
    return group.equals(template.group())
        && template.kind().equals(JsonPaths.string(resource, "kind").orElse(null))
        && template.name().equals(JsonPaths.string(resource, "name").orElse(null))
        && (namespace.isEmpty() || namespace.get().equals(template.namespace()));
  }

  private static DynamicKubernetesApi api(ApiResource type, ApiClient apiClient) {
    return new DynamicKubernetesApi(
        type.group(), type.version(), type.plural(), Objects.requireNonNull(apiClient));
  }
}
