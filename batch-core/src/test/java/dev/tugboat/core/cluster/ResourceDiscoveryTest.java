package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceDiscoveryTest {

  private static final String API =
      """
      {"kind":"APIVersions","versions":["v1"],
       "serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.1:6443"}]}
      """;

  private static final String CORE_V1 =
      """
      {"kind":"APIResourceList","groupVersion":"v1","resources":[
        {"name":"bindings","singularName":"binding","namespaced":true,"kind":"Binding","verbs":["create"]},
        {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap",
         "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
         "shortNames":["cm"],"storageVersionHash":"qFsyl6wFWjQ="},
        {"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace",
         "verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["ns"]},
        {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod",
         "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
         "shortNames":["po"],"categories":["all"]},
        {"name":"pods/log","singularName":"","namespaced":true,"kind":"Pod","verbs":["get"]},
        {"name":"pods/status","singularName":"","namespaced":true,"kind":"Pod",
         "verbs":["get","patch","update"]}
      ]}
      """;

  private static final String APIS =
      """
      {"kind":"APIGroupList","apiVersion":"v1","groups":[
        {"name":"apps",
         "versions":[{"groupVersion":"apps/v1","version":"v1"}],
         "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
        {"name":"widgets.example.com",
         "versions":[{"groupVersion":"widgets.example.com/v1","version":"v1"},
                     {"groupVersion":"widgets.example.com/v1beta1","version":"v1beta1"},
                     {"groupVersion":"widgets.example.com/v1alpha1","version":"v1alpha1"}],
         "preferredVersion":{"groupVersion":"widgets.example.com/v1","version":"v1"}},
        {"name":"metrics.k8s.io",
         "versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],
         "preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}},
        {"name":"broken.example.com",
         "versions":[{"groupVersion":"broken.example.com/v1","version":"v1"}],
         "preferredVersion":{"groupVersion":"broken.example.com/v1","version":"v1"}}
      ]}
      """;

  private static final String APPS_V1 =
      """
      {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[
        {"name":"deployments","singularName":"deployment","namespaced":true,"kind":"Deployment",
         "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
         "shortNames":["deploy"],"categories":["all"]},
        {"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling",
         "version":"v1","kind":"Scale","verbs":["get","patch","update"]},
        {"name":"deployments/status","singularName":"","namespaced":true,"kind":"Deployment",
         "verbs":["get","patch","update"]}
      ]}
      """;

  // gadgets is served in v1beta1 only; sprockets only in v1alpha1 and v1beta1
  private static final String WIDGETS_V1 =
      """
      {"kind":"APIResourceList","groupVersion":"widgets.example.com/v1","resources":[
        {"name":"widgets","singularName":"widget","namespaced":true,"kind":"Widget",
         "verbs":["get","list","create"]}
      ]}
      """;

  private static final String WIDGETS_V1BETA1 =
      """
      {"kind":"APIResourceList","groupVersion":"widgets.example.com/v1beta1","resources":[
        {"name":"widgets","singularName":"widget","namespaced":true,"kind":"Widget",
         "verbs":["get","list"]},
        {"name":"gadgets","singularName":"gadget","namespaced":false,"kind":"Gadget",
         "verbs":["get","list"],"shortNames":["gd"]},
        {"name":"sprockets","singularName":"sprocket","namespaced":true,"kind":"Sprocket",
         "verbs":["get","list","watch"]}
      ]}
      """;

  private static final String WIDGETS_V1ALPHA1 =
      """
      {"kind":"APIResourceList","groupVersion":"widgets.example.com/v1alpha1","resources":[
        {"name":"sprockets","singularName":"sprocket","namespaced":true,"kind":"Sprocket",
         "verbs":["get"]}
      ]}
      """;

  private static final String METRICS_UNAVAILABLE =
      """
      {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
       "message":"service unavailable","reason":"ServiceUnavailable","code":503}
      """;

  private static final String VERSION =
      """
      {"major":"1","minor":"36","gitVersion":"v1.36.1","gitCommit":"abc","platform":"linux/amd64"}
      """;

  private final Map<String, MockResponse> routes = new HashMap<>();
  private MockWebServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return routes.getOrDefault(
                request.getUrl().encodedPath(), new MockResponse.Builder().code(404).build());
          }
        });
    server.start();
    json("/api", API);
    json("/api/v1", CORE_V1);
    json("/apis", APIS);
    json("/apis/apps/v1", APPS_V1);
    json("/apis/widgets.example.com/v1", WIDGETS_V1);
    json("/apis/widgets.example.com/v1beta1", WIDGETS_V1BETA1);
    json("/apis/widgets.example.com/v1alpha1", WIDGETS_V1ALPHA1);
    routes.put(
        "/apis/metrics.k8s.io/v1beta1",
        new MockResponse.Builder().code(503).body(METRICS_UNAVAILABLE).build());
    json("/apis/broken.example.com/v1", "{\"resources\": [");
    json("/version", VERSION);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void catalogHoldsOneResourcePerGroupAndPluralInThePreferredOrHighestServedVersion() {
    ResourceCatalog catalog = discovery().discover();

    assertThat(catalog.resources())
        .containsExactly(
            new ApiResource(
                "", "v1", "bindings", "Binding", true, Set.of("create"), List.of(), "v1"),
            new ApiResource(
                "",
                "v1",
                "configmaps",
                "ConfigMap",
                true,
                Set.of(
                    "create",
                    "delete",
                    "deletecollection",
                    "get",
                    "list",
                    "patch",
                    "update",
                    "watch"),
                List.of("cm"),
                "v1"),
            new ApiResource(
                "",
                "v1",
                "namespaces",
                "Namespace",
                false,
                Set.of("create", "delete", "get", "list", "patch", "update", "watch"),
                List.of("ns"),
                "v1"),
            new ApiResource(
                "",
                "v1",
                "pods",
                "Pod",
                true,
                Set.of(
                    "create",
                    "delete",
                    "deletecollection",
                    "get",
                    "list",
                    "patch",
                    "update",
                    "watch"),
                List.of("po"),
                "v1"),
            new ApiResource(
                "apps",
                "v1",
                "deployments",
                "Deployment",
                true,
                Set.of(
                    "create",
                    "delete",
                    "deletecollection",
                    "get",
                    "list",
                    "patch",
                    "update",
                    "watch"),
                List.of("deploy"),
                "v1"),
            new ApiResource(
                "widgets.example.com",
                "v1beta1",
                "gadgets",
                "Gadget",
                false,
                Set.of("get", "list"),
                List.of("gd"),
                "v1"),
            new ApiResource(
                "widgets.example.com",
                "v1beta1",
                "sprockets",
                "Sprocket",
                true,
                Set.of("get", "list", "watch"),
                List.of(),
                "v1"),
            new ApiResource(
                "widgets.example.com",
                "v1",
                "widgets",
                "Widget",
                true,
                Set.of("get", "list", "create"),
                List.of(),
                "v1"));
  }

  @Test
  void unreadableGroupVersionsAreReportedAndSkipped() {
    ResourceCatalog catalog = discovery().discover();

    assertThat(catalog.failures())
        .hasSize(2)
        .contains(new DiscoveryFailure("metrics.k8s.io/v1beta1", "HTTP 503: service unavailable"));
    assertThat(catalog.failures().get(1).groupVersion()).isEqualTo("broken.example.com/v1");
    assertThat(catalog.failures().get(1).reason()).startsWith("malformed JSON");
    assertThat(catalog.resources())
        .extracting(ApiResource::group)
        .doesNotContain("metrics.k8s.io", "broken.example.com");
  }

  @Test
  void lookupsFindResourcesByGroupResourceAndByKind() {
    ResourceCatalog catalog = discovery().discover();

    assertThat(catalog.forGroupResource("deployments.apps"))
        .map(ApiResource::kind)
        .contains("Deployment");
    assertThat(catalog.forGroupResource("pods")).map(ApiResource::apiVersion).contains("v1");
    assertThat(catalog.find("widgets.example.com", "gadgets"))
        .map(ApiResource::apiVersion)
        .contains("widgets.example.com/v1beta1");
    assertThat(catalog.forKind("", "ConfigMap")).map(ApiResource::plural).contains("configmaps");
    assertThat(catalog.forKind("apps", "Pod")).isEmpty();
    assertThat(catalog.forGroupResource("pods/log")).isEmpty();
  }

  @Test
  void failingGroupListIsFatal() {
    routes.put("/apis", new MockResponse.Builder().code(500).body("etcd is sad").build());

    assertThatThrownBy(() -> discovery().discover())
        .isInstanceOf(DiscoveryException.class)
        .hasMessage("Cannot discover the cluster's API: GET /apis failed: HTTP 500");
  }

  @Test
  void failingCoreVersionIsFatal() {
    routes.put("/api/v1", new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> discovery().discover())
        .isInstanceOf(DiscoveryException.class)
        .hasMessage("Cannot discover the cluster's API: GET /api/v1 failed: HTTP 503");
  }

  @Test
  void serverVersionComesFromTheVersionEndpoint() {
    assertThat(discovery().serverVersion()).isEqualTo(new ServerVersion("v1.36.1", "1", "36"));
  }

  private ResourceDiscovery discovery() {
    String base = server.url("/").toString();
    return new ResourceDiscovery(new ApiClient().setBasePath(base.substring(0, base.length() - 1)));
  }

  private void json(String path, String body) {
    routes.put(
        path,
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }
}
