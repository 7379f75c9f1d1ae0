package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.DeleteOptions;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects of a sandbox read and written over HTTP with client-java's dynamic client, as raw JSON:
 * the way Tugboat sees a cluster. Reads that fail fail the test.
 */
final class ApiObjects {

  private final ApiClient client;

  /** One API per resource: each construction changes the client's JSON set-up. */
  private final Map<String, DynamicKubernetesApi> apis = new HashMap<>();

  ApiObjects(ApiClient client) {
    this.client = client;
  }

  /**
   * @param apiVersion e.g. {@code v1} or {@code apps/v1}
   * @param namespace null for all namespaces
   */
  List<JsonObject> list(String apiVersion, String plural, String namespace) {
    return list(apiVersion, plural, namespace, null);
  }

  /** Objects whose labels match {@code labelSelector}, e.g. {@code app=web}. */
  List<JsonObject> list(String apiVersion, String plural, String namespace, String labelSelector) {
    ListOptions options = new ListOptions();
    options.setLabelSelector(labelSelector);
    KubernetesApiResponse<DynamicKubernetesListObject> response =
        namespace == null
            ? api(apiVersion, plural).list(options)
            : api(apiVersion, plural).list(namespace, options);
    return succeeded(response, "list " + plural).getItems().stream()
        .map(DynamicKubernetesObject::getRaw)
        .toList();
  }

  /**
   * @param namespace null for a cluster-scoped object
   */
  JsonObject get(String apiVersion, String plural, String namespace, String name) {
    DynamicKubernetesApi api = api(apiVersion, plural);
    return succeeded(
            namespace == null ? api.get(name) : api.get(namespace, name),
            "get " + plural + " " + name)
        .getRaw();
  }

  /** Creates an object; the answer tells whether the sandbox refused it. */
  KubernetesApiResponse<DynamicKubernetesObject> create(
      String apiVersion, String plural, JsonObject object) {
    return api(apiVersion, plural).create(new DynamicKubernetesObject(object));
  }

  /**
   * @param propagation {@code Background}, {@code Foreground} or {@code Orphan}
   */
  void delete(String apiVersion, String plural, String namespace, String name, String propagation) {
    DeleteOptions options = new DeleteOptions();
    options.setPropagationPolicy(propagation);
    succeeded(api(apiVersion, plural).delete(namespace, name, options), "delete " + name);
  }

  private DynamicKubernetesApi api(String apiVersion, String plural) {
    return apis.computeIfAbsent(
        apiVersion + "/" + plural,
        key -> {
          int slash = apiVersion.indexOf('/');
          String group = slash < 0 ? "" : apiVersion.substring(0, slash);
          String version = apiVersion.substring(slash + 1);
          return new DynamicKubernetesApi(group, version, plural, client);
        });
  }

  private static <T extends io.kubernetes.client.common.KubernetesType> T succeeded(
      KubernetesApiResponse<T> response, String what) {
    if (!response.isSuccess()) {
      throw new AssertionError(
          what + " failed: HTTP " + response.getHttpStatusCode() + " " + response.getStatus());
    }
    return response.getObject();
  }
}
