package dev.tugboat.samples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WatchTest {

  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";

  @RegisterExtension
  SandboxExtension sandbox =
      // the plain API server: simulated controllers would add events to the watched deployments
      SandboxExtension.builder()
          .options(options -> options.watchHistorySize(20).simulation(false))
          .build();

  private RawApi raw;
  private ApiClient client;

  @BeforeEach
  void setUp() {
    raw = new RawApi(sandbox.url());
    client = sandbox.apiClient();
    client.setHttpClient(
        client.getHttpClient().newBuilder().readTimeout(30, TimeUnit.SECONDS).build());
  }

  @Test
  void streamsLiveChangesAfterTheListedVersion() throws Exception {
    String listed =
        raw.get(CONFIG_MAPS)
            .json()
            .getAsJsonObject("metadata")
            .get("resourceVersion")
            .getAsString();
    try (Watch<V1ConfigMap> watch = watchConfigMaps(listed, null, 30)) {
      raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"live\"},\"data\":{\"k\":\"1\"}}");
      raw.patch(CONFIG_MAPS + "/live", "application/merge-patch+json", "{\"data\":{\"k\":\"2\"}}");
      raw.delete(CONFIG_MAPS + "/live");

      assertThat(describe(watch.next())).isEqualTo("ADDED live 1");
      assertThat(describe(watch.next())).isEqualTo("MODIFIED live 2");
      assertThat(describe(watch.next())).isEqualTo("DELETED live 2");
    }
  }

  @Test
  void replaysHistoryFromAnOlderVersionUntilTheTimeout() throws Exception {
    String before =
        raw.get(CONFIG_MAPS)
            .json()
            .getAsJsonObject("metadata")
            .get("resourceVersion")
            .getAsString();
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"one\"},\"data\":{\"k\":\"1\"}}");
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"two\"},\"data\":{\"k\":\"1\"}}");
    try (Watch<V1ConfigMap> watch = watchConfigMaps(before, null, 1)) {
      assertThat(drain(watch)).containsExactly("ADDED one 1", "ADDED two 1");
    }
  }

  @Test
  void startsWithTheCurrentObjectsWithoutAVersion() throws Exception {
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"existing\"},\"data\":{\"k\":\"1\"}}");
    try (Watch<V1ConfigMap> watch = watchConfigMaps(null, null, 1)) {
      assertThat(drain(watch)).containsExactly("ADDED existing 1");
    }
  }

  @Test
  void reportsObjectsLeavingAndEnteringTheSelector() throws Exception {
    String before =
        raw.get(CONFIG_MAPS)
            .json()
            .getAsJsonObject("metadata")
            .get("resourceVersion")
            .getAsString();
    raw.post(
        CONFIG_MAPS,
        "{\"metadata\":{\"name\":\"a\",\"labels\":{\"app\":\"web\"}},\"data\":{\"k\":\"1\"}}");
    raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"b\"},\"data\":{\"k\":\"1\"}}");
    raw.patch(
        CONFIG_MAPS + "/a",
        "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"app\":null}},\"data\":{\"k\":\"2\"}}");
    raw.patch(
        CONFIG_MAPS + "/b",
        "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"data\":{\"k\":\"3\"}}");
    try (Watch<V1ConfigMap> watch = watchConfigMaps(before, "app=web", 1)) {
      assertThat(drain(watch)).containsExactly("ADDED a 1", "DELETED a 2", "ADDED b 3");
    }
  }

  @Test
  void answersTooOldVersionsWithAnExpiredError() throws Exception {
    for (int i = 0; i < 25; i++) {
      raw.post(CONFIG_MAPS, "{\"metadata\":{\"name\":\"cm-" + i + "\"}}");
    }
    try (Watch<V1ConfigMap> watch = watchConfigMaps("2", null, 1)) {
      Watch.Response<V1ConfigMap> error = watch.next();
      assertThat(error.type).isEqualTo("ERROR");
      assertThat(error.status.getCode()).isEqualTo(410);
      assertThat(error.status.getReason()).isEqualTo("Expired");
      assertThat(watch.hasNext()).isFalse();
    }
  }

  @Test
  void watchesDeploymentsThroughTheDynamicClient() throws Exception {
    DynamicKubernetesApi deployments =
        new DynamicKubernetesApi("apps", "v1", "deployments", client);
    String before =
        raw.get("/apis/apps/v1/deployments")
            .json()
            .getAsJsonObject("metadata")
            .get("resourceVersion")
            .getAsString();
    raw.post(
        "/apis/apps/v1/namespaces/default/deployments",
        TestObjects.deployment("default", "web", 2).toString());
    ListOptions options = new ListOptions();
    options.setResourceVersion(before);
    options.setTimeoutSeconds(1);
    List<String> events = new ArrayList<>();
    try (Watchable<DynamicKubernetesObject> watch = deployments.watch("default", options)) {
      watch.forEachRemaining(
          event -> events.add(event.type + " " + event.object.getMetadata().getName()));
    }
    assertThat(events).containsExactly("ADDED web");
  }

  @Test
  void streamsEventsAsNewlineDelimitedJson() throws Exception {
    raw.post(
        "/api/v1/namespaces/default/events",
        "{\"metadata\":{\"name\":\"e1\"},\"reason\":\"Started\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\"}}");
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.url()
                                + "/api/v1/namespaces/default/events?watch=1&timeoutSeconds=1&fieldSelector=reason%3DStarted"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
    List<String> lines = response.body().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Event\"");
  }

  @Test
  void endsWithABookmarkWhenAsked() throws Exception {
    String listed =
        raw.get(CONFIG_MAPS)
            .json()
            .getAsJsonObject("metadata")
            .get("resourceVersion")
            .getAsString();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.url()
                                + CONFIG_MAPS
                                + "?watch=true&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion="
                                + listed))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.body().toList())
        .containsExactly(
            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                + listed
                + "\"}}}");
  }

  private Watch<V1ConfigMap> watchConfigMaps(
      String resourceVersion, String labelSelector, int timeoutSeconds) throws Exception {
    CoreV1Api core = new CoreV1Api(client);
    return Watch.createWatch(
        client,
        core.listNamespacedConfigMap("default")
            .watch(true)
            .resourceVersion(resourceVersion)
            .labelSelector(labelSelector)
            .timeoutSeconds(timeoutSeconds)
            .buildCall(null),
        new TypeToken<Watch.Response<V1ConfigMap>>() {}.getType());
  }

  private static List<String> drain(Watch<V1ConfigMap> watch) throws IOException {
    List<String> events = new ArrayList<>();
    for (Watch.Response<V1ConfigMap> event : watch) {
      events.add(describe(event));
    }
    return events;
  }

  private static String describe(Watch.Response<V1ConfigMap> event) {
    return event.type
        + " "
        + event.object.getMetadata().getName()
        + " "
        + event.object.getData().get("k");
  }
}
