package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official client's dynamic API over a Karmada control plane double, one {@link
 * DynamicKubernetesApi} per resource (each registers an adapter on the client's JSON).
 */
final class ControlPlaneClient {

  private final ApiClient client;
  private final Map<String, DynamicKubernetesApi> apis = new HashMap<>();

  ControlPlaneClient(ApiClient client) {
    this.client = client;
  }

  /** Creates an object; its resource is the lower-case plural of its kind. */
  JsonObject create(String plural, JsonObject object) {
    return check(api(object, plural).create(new DynamicKubernetesObject(object)), "create")
        .getRaw();
  }

  JsonObject update(String plural, JsonObject object) {
    return check(api(object, plural).update(new DynamicKubernetesObject(object)), "update")
        .getRaw();
  }

  /**
   * @param namespace null for a cluster-scoped object
   */
  Optional<JsonObject> get(String apiVersion, String plural, String namespace, String name) {
    KubernetesApiResponse<DynamicKubernetesObject> response =
        namespace == null
            ? api(apiVersion, plural).get(name)
            : api(apiVersion, plural).get(namespace, name);
    if (response.getHttpStatusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(check(response, "get " + plural + " " + name).getRaw());
  }

  JsonObject require(String apiVersion, String plural, String namespace, String name) {
    return get(apiVersion, plural, namespace, name)
        .orElseThrow(() -> new AssertionError("no " + plural + " " + namespace + "/" + name));
  }

  List<JsonObject> list(String apiVersion, String plural, String namespace) {
    KubernetesApiResponse<DynamicKubernetesListObject> response =
        namespace == null
            ? api(apiVersion, plural).list()
            : api(apiVersion, plural).list(namespace);
    return check(response, "list " + plural).getItems().stream()
        .map(DynamicKubernetesObject::getRaw)
        .toList();
  }

  void delete(String apiVersion, String plural, String namespace, String name) {
    if (namespace == null) {
      check(api(apiVersion, plural).delete(name), "delete " + plural + " " + name);
    } else {
      check(api(apiVersion, plural).delete(namespace, name), "delete " + plural + " " + name);
    }
  }

  private DynamicKubernetesApi api(JsonObject object, String plural) {
    return api(object.get("apiVersion").getAsString(), plural);
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

  private static <T extends io.kubernetes.client.common.KubernetesType> T check(
      KubernetesApiResponse<T> response, String what) {
    if (!response.isSuccess()) {
      throw new AssertionError(
          what + " failed: HTTP " + response.getHttpStatusCode() + " " + response.getStatus());
    }
    return response.getObject();
  }
}
