package dev.tugboat.samples.sandbox.bench;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The benchmark's requests, made over HTTP by the official Kubernetes client. ConfigMap number
 * {@code i} is {@code cm-<i>} in namespace {@code bench-<i / objectsPerNamespace>} and holds about
 * 1 KiB of data.
 */
final class ConfigMapClient implements AutoCloseable {

  private static final String PAYLOAD = "x".repeat(1_000);

  private final ApiClient apiClient;
  private final CoreV1Api api;
  private final int objectsPerNamespace;

  /** One page of a LIST answer: how many items it held and the token of the next page. */
  record Page(int items, String continueToken) {}

  ConfigMapClient(String baseUrl, int objectsPerNamespace, int threads) {
    this.apiClient = new ClientBuilder().setBasePath(baseUrl).build();
    // OkHttp keeps 5 idle connections by default; more client threads than that would reconnect
    // all the time and measure TCP set-up. Blocking calls are not limited by the dispatcher.
    OkHttpClient httpClient =
        apiClient
            .getHttpClient()
            .newBuilder()
            .connectionPool(new ConnectionPool(2 * threads, 5, TimeUnit.MINUTES))
            .build();
    apiClient.setHttpClient(httpClient);
    this.api = new CoreV1Api(apiClient);
    this.objectsPerNamespace = objectsPerNamespace;
  }

  /** The namespace of ConfigMap number {@code index}. */
  String namespaceOf(int index) {
    return namespace(index / objectsPerNamespace);
  }

  static String namespace(int namespaceIndex) {
    return String.format(Locale.ROOT, "bench-%03d", namespaceIndex);
  }

  static String name(int index) {
    return String.format(Locale.ROOT, "cm-%06d", index);
  }

  void createNamespace(String name) {
    V1Namespace namespace = new V1Namespace().metadata(new V1ObjectMeta().name(name));
    call("create namespace " + name, () -> api.createNamespace(namespace).execute());
  }

  void create(int index) {
    V1ConfigMap configMap = configMap(index, 0);
    call(
        "create ConfigMap " + describe(index),
        () -> api.createNamespacedConfigMap(namespaceOf(index), configMap).execute());
  }

  void get(int index) {
    V1ConfigMap read =
        call(
            "get ConfigMap " + describe(index),
            () -> api.readNamespacedConfigMap(name(index), namespaceOf(index)).execute());
    if (!name(index).equals(read.getMetadata().getName())) {
      throw new IllegalStateException(
          "get ConfigMap " + describe(index) + " answered " + read.getMetadata().getName());
    }
  }

  /** Replaces ConfigMap {@code index} (PUT) with one whose data holds {@code revision}. */
  void update(int index, int revision) {
    V1ConfigMap configMap = configMap(index, revision);
    V1ConfigMap written =
        call(
            "update ConfigMap " + describe(index),
            () ->
                api.replaceNamespacedConfigMap(name(index), namespaceOf(index), configMap)
                    .execute());
    if (!String.valueOf(revision).equals(written.getData().get("revision"))) {
      throw new IllegalStateException(
          "update ConfigMap " + describe(index) + " did not store revision " + revision);
    }
  }

  void delete(int index) {
    call(
        "delete ConfigMap " + describe(index),
        () -> api.deleteNamespacedConfigMap(name(index), namespaceOf(index)).execute());
  }

  Page listNamespace(String namespace, int limit, String continueToken) {
    V1ConfigMapList list =
        call(
            "list ConfigMaps of " + namespace,
            () ->
                api.listNamespacedConfigMap(namespace)
                    .limit(limit)
                    ._continue(continueToken)
                    .execute());
    return new Page(list.getItems().size(), list.getMetadata().getContinue());
  }

  Page listAllNamespaces(int limit, String continueToken) {
    V1ConfigMapList list =
        call(
            "list ConfigMaps of all namespaces",
            () ->
                api.listConfigMapForAllNamespaces()
                    .limit(limit)
                    ._continue(continueToken)
                    .execute());
    return new Page(list.getItems().size(), list.getMetadata().getContinue());
  }

  /** Closes the pooled connections, so that a stopped sandbox leaves none behind. */
  @Override
  public void close() {
    apiClient.getHttpClient().connectionPool().evictAll();
  }

  private V1ConfigMap configMap(int index, int revision) {
    return new V1ConfigMap()
        .metadata(
            new V1ObjectMeta()
                .name(name(index))
                .namespace(namespaceOf(index))
                .labels(Map.of("app.kubernetes.io/name", "benchmark")))
        .data(Map.of("payload", PAYLOAD, "revision", String.valueOf(revision)));
  }

  private String describe(int index) {
    return namespaceOf(index) + "/" + name(index);
  }

  private interface ApiCall<T> {
    T execute() throws ApiException;
  }

  private static <T> T call(String what, ApiCall<T> call) {
    try {
      return call.execute();
    } catch (ApiException e) {
      throw new IllegalStateException(
          what + " failed: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
    }
  }
}
