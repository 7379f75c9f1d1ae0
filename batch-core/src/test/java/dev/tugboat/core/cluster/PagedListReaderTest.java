package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class PagedListReaderTest {

  private static final ApiResource CONFIG_MAPS =
      new ApiResource(
          "", "v1", "configmaps", "ConfigMap", true, Set.of("list"), List.of("cm"), "v1");
  private static final ApiResource CLUSTER_ROLES =
      new ApiResource(
          "rbac.authorization.k8s.io",
          "v1",
          "clusterroles",
          "ClusterRole",
          false,
          Set.of("list"),
          List.of(),
          "v1");
  private static final int PAGE_SIZE = 5;

  /**
   * 23 ConfigMaps in LIST order. "shop-db" sorts before "shop" because the server orders the keys
   * "shop-db/..." and "shop/..." byte by byte, and '-' comes before '/'.
   */
  private static final List<JsonObject> CONFIG_MAPS_IN_ORDER = configMapsInListOrder();

  private final MockWebServer server = new MockWebServer();
  private FakeListServer fake;
  private ApiClient apiClient;

  @BeforeEach
  void startServer() throws IOException {
    List<JsonObject> shuffled = new ArrayList<>(CONFIG_MAPS_IN_ORDER);
    Collections.shuffle(shuffled, new Random(7));
    fake = new FakeListServer("/api/v1", "configmaps", "v1", "ConfigMapList", shuffled);
    server.setDispatcher(fake);
    server.start();
    apiClient = apiClientFor(server);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void readsEveryPageInOrderWithTypeMetaFilledIn() throws Exception {
    PagedListReader reader = reader("cms").build();

    List<JsonObject> items = readAll(reader);

    assertThat(items).containsExactlyElementsOf(expected(0, 23));
    assertThat(reader.readCount()).isEqualTo(23);
    assertThat(List.copyOf(items.get(0).keySet()).subList(0, 2))
        .containsExactly("apiVersion", "kind");
    assertThat(requests())
        .containsExactly(
            "GET /api/v1/configmaps {limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.5, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.10, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.15, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.20, limit=5, watch=false}");
  }

  @Test
  void listsOneNamespaceWithSelectors() throws Exception {
    PagedListReader reader =
        reader("cms")
            .namespace("shop")
            .labelSelector("app=shop,tier!=cache")
            .fieldSelector("metadata.name!=skip-me")
            .build();

    List<JsonObject> items = readAll(reader);

    assertThat(items).containsExactlyElementsOf(expected(7, 15));
    assertThat(requests())
        .containsExactly(
            "GET /api/v1/namespaces/shop/configmaps {fieldSelector=metadata.name!=skip-me,"
                + " labelSelector=app=shop,tier!=cache, limit=5, watch=false}",
            "GET /api/v1/namespaces/shop/configmaps {continue=1.1.5,"
                + " fieldSelector=metadata.name!=skip-me, labelSelector=app=shop,tier!=cache,"
                + " limit=5, watch=false}");
  }

  @Test
  void listsAClusterScopedTypeOfANamedGroup() throws Exception {
    JsonObject admin = clusterRole("admin");
    JsonObject view = clusterRole("view");
    server.setDispatcher(
        new FakeListServer(
            "/apis/rbac.authorization.k8s.io/v1",
            "clusterroles",
            "rbac.authorization.k8s.io/v1",
            "ClusterRoleList",
            List.of(view, admin)));

    List<JsonObject> items =
        readAll(
            PagedListReader.builder("roles", apiClient, CLUSTER_ROLES).pageSize(PAGE_SIZE).build());

    assertThat(items)
        .containsExactly(
            withTypeMeta(admin, "rbac.authorization.k8s.io/v1", "ClusterRole"),
            withTypeMeta(view, "rbac.authorization.k8s.io/v1", "ClusterRole"));
    assertThat(requests())
        .containsExactly(
            "GET /apis/rbac.authorization.k8s.io/v1/clusterroles {limit=5, watch=false}");
  }

  @Test
  void takesTypeMetaFromTheResourceWhenTheListHasNone() throws Exception {
    server.setDispatcher(
        new FakeListServer("/api/v1", "configmaps", null, null, CONFIG_MAPS_IN_ORDER));

    List<JsonObject> items = readAll(reader("cms").build());

    assertThat(items).containsExactlyElementsOf(expected(0, 23));
  }

  @Test
  void refusesANamespaceForAClusterScopedType() {
    assertThatThrownBy(
            () ->
                PagedListReader.builder("roles", apiClient, CLUSTER_ROLES)
                    .namespace("shop")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "clusterroles.rbac.authorization.k8s.io is cluster-scoped; it cannot be listed in"
                + " namespace \"shop\"");
  }

  @Test
  void readsNothingFromAnEmptyList() throws Exception {
    server.setDispatcher(
        new FakeListServer("/api/v1", "configmaps", "v1", "ConfigMapList", List.of()));
    PagedListReader reader = reader("cms").build();

    assertThat(reader.read()).isNull();
    assertThat(reader.read()).isNull();
    assertThat(reader.readCount()).isZero();
    assertThat(requests()).containsExactly("GET /api/v1/configmaps {limit=5, watch=false}");
  }

  @ParameterizedTest(name = "restart after {0} items")
  @ValueSource(ints = {0, 3, 5, 7, 10, 22, 23})
  void restartResumesRightAfterTheLastItemHandedOut(int k) throws Exception {
    List<JsonObject> items = new ArrayList<>();
    PagedListReader first = reader("cms").build();
    first.open(new ExecutionContext());
    for (int i = 0; i < k; i++) {
      items.add(first.read());
    }
    ExecutionContext saved = new ExecutionContext();
    first.update(saved);
    first.close();

    PagedListReader second = reader("cms").build();
    second.open(serializedCopy(saved));
    List<JsonObject> rest = readAll(second);
    items.addAll(rest);

    assertThat(rest).hasSize(23 - k);
    assertThat(items).containsExactlyElementsOf(expected(0, 23));
    assertThat(second.readCount()).isEqualTo(23);
  }

  @Test
  void restartInsideAPageReloadsThatPageWithItsToken() throws Exception {
    PagedListReader first = reader("cms").build();
    first.open(new ExecutionContext());
    for (int i = 0; i < 7; i++) {
      first.read();
    }
    ExecutionContext saved = new ExecutionContext();
    first.update(saved);
    assertThat(saved.toMap())
        .isEqualTo(
            Map.of(
                "cms.pageToken",
                "1.1.5",
                "cms.consumedFromPage",
                2,
                "cms.lastKey",
                "shop-db/db-7",
                "cms.readCount",
                7L));
    requests();

    PagedListReader second = reader("cms").build();
    second.open(saved);

    assertThat(second.read()).isEqualTo(expected(7, 8).get(0));
    assertThat(requests())
        .containsExactly("GET /api/v1/configmaps {continue=1.1.5, limit=5, watch=false}");
  }

  @Test
  void readersWithDifferentNamesShareAContext() throws Exception {
    ExecutionContext context = new ExecutionContext();
    PagedListReader all = reader("all").build();
    PagedListReader shop = reader("shop").namespace("shop").build();
    all.open(context);
    shop.open(context);
    all.read();
    shop.read();
    shop.read();
    all.update(context);
    shop.update(context);

    PagedListReader allAgain = reader("all").build();
    PagedListReader shopAgain = reader("shop").namespace("shop").build();
    allAgain.open(context);
    shopAgain.open(context);

    assertThat(readAll(allAgain)).containsExactlyElementsOf(expected(1, 23));
    assertThat(readAll(shopAgain)).containsExactlyElementsOf(expected(9, 15));
  }

  @Test
  void expiredTokenOnRestartMidPageRelistsAndSkipsByKeyOnly() throws Exception {
    List<JsonObject> items = new ArrayList<>();
    PagedListReader first = reader("cms").build();
    first.open(new ExecutionContext());
    for (int i = 0; i < 7; i++) {
      items.add(first.read());
    }
    ExecutionContext saved = new ExecutionContext();
    first.update(saved);
    fake.expireTokens();
    requests();

    PagedListReader second = reader("cms").build();
    second.open(saved);
    List<JsonObject> rest = readAll(second);
    items.addAll(rest);

    // Also skipping the 2 items the saved count says were taken from the page would lose 2 here.
    assertThat(rest).containsExactlyElementsOf(expected(7, 23));
    assertThat(items).containsExactlyElementsOf(expected(0, 23));
    assertThat(second.readCount()).isEqualTo(23);
    assertThat(requests())
        .containsExactly(
            "GET /api/v1/configmaps {continue=1.1.5, limit=5, watch=false}",
            "GET /api/v1/configmaps {limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.5, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.10, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.15, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.20, limit=5, watch=false}");
  }

  @Test
  void expiredTokenOnRestartAtAPageBoundaryLosesNothing() throws Exception {
    PagedListReader first = reader("cms").build();
    first.open(new ExecutionContext());
    for (int i = 0; i < 10; i++) {
      first.read();
    }
    ExecutionContext saved = new ExecutionContext();
    first.update(saved);
    fake.expireTokens();

    PagedListReader second = reader("cms").build();
    second.open(saved);

    assertThat(readAll(second)).containsExactlyElementsOf(expected(10, 23));
  }

  @Test
  void tokenExpiringBetweenPagesOfAFreshReadRelistsAndGoesOn() throws Exception {
    PagedListReader reader = reader("cms").build();
    reader.open(new ExecutionContext());
    List<JsonObject> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(reader.read());
    }
    fake.expireTokens();
    items.addAll(readAll(reader));

    assertThat(items).containsExactlyElementsOf(expected(0, 23));
    assertThat(reader.readCount()).isEqualTo(23);
    assertThat(requests())
        .containsExactly(
            "GET /api/v1/configmaps {limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.5, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=1.1.10, limit=5, watch=false}",
            "GET /api/v1/configmaps {limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.5, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.10, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.15, limit=5, watch=false}",
            "GET /api/v1/configmaps {continue=2.2.20, limit=5, watch=false}");
  }

  @Test
  void restartOnTheFirstPageFindsItsPlaceByKeyWhenObjectsChanged() throws Exception {
    PagedListReader first = reader("cms").build();
    first.open(new ExecutionContext());
    List<JsonObject> items = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      items.add(first.read());
    }
    ExecutionContext saved = new ExecutionContext();
    first.update(saved);
    // The first page has no token to pin it: its next listing sees these changes.
    fake.remove("shop-db", "db-1");
    fake.remove("shop-db", "db-2");
    fake.add(configMap("shop-db", "db-0"));

    PagedListReader second = reader("cms").build();
    second.open(saved);
    items.addAll(readAll(second));

    assertThat(items).containsExactlyElementsOf(expected(0, 23));
  }

  @Test
  void tokensThatKeepExpiringFailInsteadOfLooping() throws Exception {
    PagedListReader reader = reader("cms").build();
    for (int i = 0; i < 7; i++) {
      reader.read();
    }
    fake.expireEveryToken();

    assertThatThrownBy(readAllOf(reader))
        .isInstanceOf(ItemStreamException.class)
        .hasMessage(
            "LIST v1 configmaps in all namespaces: the continue token expired again while"
                + " skipping to the item after \"shop/app-3\"");
  }

  @Test
  void persistentServerErrorFailsWithStatusAndServerMessage() {
    fake.failWith(500, "InternalError", "etcdserver: request timed out");
    PagedListReader reader = reader("cms").namespace("shop").build();

    assertThatThrownBy(reader::read)
        .isInstanceOf(ItemStreamException.class)
        .hasMessage(
            "LIST v1 configmaps in namespace \"shop\" failed: HTTP 500 InternalError:"
                + " etcdserver: request timed out");
  }

  @Test
  void failedPageLoadKeepsThePositionForRetryAndRestart() throws Exception {
    PagedListReader reader = reader("cms").build();
    reader.open(new ExecutionContext());
    List<JsonObject> items = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      items.add(reader.read());
    }
    fake.failWith(503, "ServiceUnavailable", "apiserver is shutting down");

    assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class);
    ExecutionContext saved = new ExecutionContext();
    reader.update(saved);
    fake.recover();

    items.add(reader.read());
    assertThat(items).containsExactlyElementsOf(expected(0, 11));
    PagedListReader restarted = reader("cms").build();
    restarted.open(saved);
    assertThat(readAll(restarted)).containsExactlyElementsOf(expected(10, 23));
  }

  @Test
  void noAnswerFailsWithTheRequestNamed() throws Exception {
    PagedListReader reader = reader("cms").build();
    server.close();

    assertThatThrownBy(reader::read)
        .isInstanceOf(ItemStreamException.class)
        .hasMessageStartingWith("LIST v1 configmaps in all namespaces failed: ")
        .hasRootCauseInstanceOf(IOException.class);
  }

  private PagedListReader.Builder reader(String name) {
    return PagedListReader.builder(name, apiClient, CONFIG_MAPS).pageSize(PAGE_SIZE);
  }

  /**
   * Requests received since the last call, as {@code METHOD path {query}} with the query sorted.
   */
  private List<String> requests() throws InterruptedException {
    List<String> lines = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(0, TimeUnit.SECONDS)) != null) {
      Map<String, String> query = new TreeMap<>();
      for (String name : request.getUrl().queryParameterNames()) {
        query.put(name, request.getUrl().queryParameter(name));
      }
      lines.add(request.getMethod() + " " + request.getUrl().encodedPath() + " " + query);
    }
    return lines;
  }

  /** An ApiClient talking to {@code server} without credentials. */
  static ApiClient apiClientFor(MockWebServer server) {
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    return new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
  }

  private static List<JsonObject> readAll(PagedListReader reader) {
    List<JsonObject> items = new ArrayList<>();
    for (JsonObject item = reader.read(); item != null; item = reader.read()) {
      items.add(item);
    }
    return items;
  }

  private static ThrowingCallable readAllOf(PagedListReader reader) {
    return () -> readAll(reader);
  }

  private static List<JsonObject> expected(int from, int to) {
    List<JsonObject> expected = new ArrayList<>();
    for (JsonObject object : CONFIG_MAPS_IN_ORDER.subList(from, to)) {
      expected.add(withTypeMeta(object, "v1", "ConfigMap"));
    }
    return expected;
  }

  private static List<JsonObject> configMapsInListOrder() {
    List<JsonObject> objects = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      objects.add(configMap("shop-db", "db-" + i));
    }
    for (int i = 1; i <= 8; i++) {
      objects.add(configMap("shop", "app-" + i));
    }
    for (int i = 1; i <= 8; i++) {
      objects.add(configMap("web", "site-" + i));
    }
    return List.copyOf(objects);
  }

  private static JsonObject configMap(String namespace, String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.addProperty("namespace", namespace);
    metadata.addProperty(
        "resourceVersion", String.valueOf(Math.abs((namespace + name).hashCode())));
    JsonObject data = new JsonObject();
    data.addProperty("owner", namespace + "/" + name);
    JsonObject configMap = new JsonObject();
    configMap.add("metadata", metadata);
    configMap.add("data", data);
    return configMap;
  }

  private static JsonObject clusterRole(String name) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    JsonObject role = new JsonObject();
    role.add("metadata", metadata);
    role.add("rules", new JsonArray());
    return role;
  }

  private static JsonObject withTypeMeta(JsonObject object, String apiVersion, String kind) {
    JsonObject complete = object.deepCopy();
    complete.addProperty("apiVersion", apiVersion);
    complete.addProperty("kind", kind);
    return complete;
  }

  private static ExecutionContext serializedCopy(ExecutionContext context)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(context);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ExecutionContext) in.readObject();
    }
  }
}
