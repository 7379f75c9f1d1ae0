package dev.tugboat.restore.apply;

import static dev.tugboat.restore.apply.NormaliserTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.apply.ItemOutcome.Action;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ItemApplierTest {

  private static final ApiResource CONFIG_MAPS =
      new ApiResource("", "v1", "configmaps", "ConfigMap", true, Set.of(), List.of(), "v1");

  private static final String COLLECTION = "/api/v1/namespaces/shop/configmaps";
  private static final String OBJECT = COLLECTION + "/settings";
  private static final String POST = "POST " + COLLECTION + "?fieldManager=tugboat";
  private static final String GET = "GET " + OBJECT;
  private static final String PATCH = "PATCH " + OBJECT + "?fieldManager=tugboat";
  private static final String DELETE = "DELETE " + OBJECT + "?propagationPolicy=Foreground";

  /** The object to restore, as the transforms make it. */
  private static final JsonObject DESIRED =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop",
             "labels": {"app": "shop", "velero.io/backup-name": "b2",
                        "velero.io/restore-name": "r2"}},
           "data": {"color": "blue", "size": "L"}}
          """);

  /** The same object as restored earlier by another restore, adopted by a controller. */
  private static final JsonObject LIVE_EQUAL =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop", "uid": "u-1",
             "resourceVersion": "7", "creationTimestamp": "2024-01-01T00:00:00Z",
             "managedFields": [{"manager": "tugboat"}],
             "ownerReferences": [{"kind": "Shop", "name": "main", "uid": "o-1"}],
             "labels": {"app": "shop", "velero.io/backup-name": "b1",
                        "velero.io/restore-name": "r1"}},
           "data": {"color": "blue", "size": "L"}}
          """);

  /** Changed in the cluster since the backup: a value changed, a field and a label added. */
  private static final JsonObject LIVE_DIFFERENT =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop", "uid": "u-1",
             "resourceVersion": "7", "labels": {"app": "shop", "edited": "yes"}},
           "data": {"color": "red", "size": "L", "extra": "1"}}
          """);

  private static final ApiResource SERVICES =
      new ApiResource("", "v1", "services", "Service", true, Set.of(), List.of(), "v1");

  private static final String SERVICE_POST =
      "POST /api/v1/namespaces/shop/services?fieldManager=tugboat";
  private static final String SERVICE_GET = "GET /api/v1/namespaces/shop/services/web";
  private static final String SERVICE_PATCH =
      "PATCH /api/v1/namespaces/shop/services/web?fieldManager=tugboat";
  private static final String STATUS_PATCH =
      "PATCH /api/v1/namespaces/shop/services/web/status?fieldManager=tugboat";

  /** A Service as the transforms make it: cluster IPs and the assigned node port removed. */
  private static final JsonObject DESIRED_SERVICE =
      json(
          """
          {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "web", "namespace": "shop",
             "labels": {"velero.io/backup-name": "b2", "velero.io/restore-name": "r2"}},
           "spec": {"type": "NodePort", "selector": {"app": "web"},
             "ports": [{"name": "http", "port": 80}]}}
          """);

  /** That Service restored by an earlier restore: the target cluster assigned its addresses. */
  private static final JsonObject LIVE_SERVICE =
      json(
          """
          {"apiVersion": "v1", "kind": "Service",
           "metadata": {"name": "web", "namespace": "shop", "uid": "u-2", "resourceVersion": "3",
             "labels": {"velero.io/backup-name": "b1", "velero.io/restore-name": "r1"}},
           "spec": {"type": "NodePort", "selector": {"app": "web"},
             "clusterIP": "10.96.0.12", "clusterIPs": ["10.96.0.12"], "ipFamilies": ["IPv4"],
             "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster",
             "ports": [{"name": "http", "port": 80, "nodePort": 31234}]},
           "status": {"loadBalancer": {}}}
          """);

  /** The backed-up status the restore keeps for the Service. */
  private static final JsonObject KEPT_STATUS =
      json("{\"loadBalancer\": {\"ingress\": [{\"ip\": \"203.0.113.7\"}]}}");

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos = 5_000_000_000L;
  private final Sleeper virtualSleeper =
      duration -> {
        sleeps.add(duration);
        nanos += duration.toNanos();
      };
  private ResourceApplier cluster;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    ApiClient apiClient =
        new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
    cluster = ResourceApplier.live(apiClient);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(ExistingResourcePolicy.class)
  void aFreeNameCostsExactlyOneCreate(ExistingResourcePolicy policy) throws Exception {
    JsonObject stored = withResourceVersion(DESIRED, "1");
    server.enqueue(answer(201, stored));

    ItemOutcome outcome = live(policy).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.CREATED, false, "", null, stored));
    assertThat(requests()).containsExactly(POST);
  }

  @ParameterizedTest
  @EnumSource(ExistingResourcePolicy.class)
  void anEqualExistingObjectIsUnchangedAndNotWritten(ExistingResourcePolicy policy)
      throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_EQUAL));

    ItemOutcome outcome = live(policy).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.UNCHANGED, false, "", LIVE_EQUAL, null));
    assertThat(requests()).containsExactly(POST, GET);
  }

  @Test
  void policyNoneSkipsADifferentObjectWithVelerosWarning() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));

    ItemOutcome outcome = live(ExistingResourcePolicy.NONE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.SKIPPED,
                false,
                "could not restore, ConfigMap:settings already exists. Warning: the in-cluster"
                    + " version is different than the backed-up version (differs in"
                    + " metadata.labels.edited, data.extra, data.color)",
                LIVE_DIFFERENT,
                null));
    assertThat(requests()).containsExactly(POST, GET);
  }

  @Test
  void policyUpdateSendsTheMergePatchThatRemovesFieldsAddedInTheCluster() throws Exception {
    JsonObject patched = withResourceVersion(DESIRED, "8");
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    // ResourceApplier.mergePatch reads the object again to tell UPDATED from UNCHANGED.
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, patched));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(new ItemOutcome(Action.UPDATED, false, "", LIVE_DIFFERENT, patched));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(ItemApplierTest::describe)).containsExactly(POST, GET, GET, PATCH);
    RecordedRequest patch = sent.get(3);
    assertThat(patch.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(JsonParser.parseString(patch.getBody().utf8()))
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"edited": null, "velero.io/backup-name": "b2",
                                         "velero.io/restore-name": "r2"}},
                 "data": {"extra": null, "color": "blue"}}
                """));
  }

  @Test
  void policyUpdateReportsUnchangedWhenTheServerKeepsTheObjectAsItIs() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, LIVE_DIFFERENT));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(new ItemOutcome(Action.UNCHANGED, false, "", LIVE_DIFFERENT, null));
  }

  @Test
  void policyRecreateDeletesWaitsUntilGoneAndCreates() throws Exception {
    JsonObject terminating = LIVE_DIFFERENT.deepCopy();
    terminating
        .getAsJsonObject("metadata")
        .addProperty("deletionTimestamp", "2024-01-02T00:00:00Z");
    JsonObject stored = withResourceVersion(DESIRED, "9");
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, terminating));
    server.enqueue(answer(200, terminating));
    server.enqueue(notFound());
    server.enqueue(answer(201, stored));

    ItemOutcome outcome = live(ExistingResourcePolicy.RECREATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(new ItemOutcome(Action.RECREATED, false, "", LIVE_DIFFERENT, stored));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(ItemApplierTest::describe))
        .containsExactly(POST, GET, DELETE, GET, GET, POST);
    assertThat(JsonParser.parseString(sent.get(5).getBody().utf8())).isEqualTo(DESIRED);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void policyRecreateCreatesAtOnceWhenTheDeleteCompletedImmediately() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, json("{\"kind\": \"Status\", \"status\": \"Success\"}")));
    server.enqueue(answer(201, DESIRED));

    ItemOutcome outcome = live(ExistingResourcePolicy.RECREATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome.action()).isEqualTo(Action.RECREATED);
    assertThat(requests()).containsExactly(POST, GET, DELETE, POST);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void policyRecreateFailsTheItemWhenTheObjectOutlivesTheTimeout() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    for (int i = 0; i < 4; i++) {
      server.enqueue(answer(200, LIVE_DIFFERENT));
    }

    ItemOutcome outcome =
        ItemApplier.live(
                cluster,
                ExistingResourcePolicy.RECREATE,
                new PollingWait(
                    Duration.ofSeconds(3), Duration.ofSeconds(1), virtualSleeper, () -> nanos))
            .apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "configmaps/shop/settings was deleted but still exists after PT3S",
                LIVE_DIFFERENT,
                null));
    assertThat(requests()).containsExactly(POST, GET, DELETE, GET, GET, GET);
  }

  @ParameterizedTest
  @EnumSource(ExistingResourcePolicy.class)
  void aDryRunOfAFreeNameOnlyReads(ExistingResourcePolicy policy) throws Exception {
    server.enqueue(notFound());

    ItemOutcome outcome = ItemApplier.dryRun(cluster, policy).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.CREATED, true, "", null, null));
    assertThat(requests()).containsExactly(GET);
  }

  @ParameterizedTest
  @CsvSource({"NONE, SKIPPED", "UPDATE, UPDATED", "RECREATE, RECREATED"})
  void aDryRunOfADifferentObjectOnlyReadsAndSaysWhatItWouldDo(
      ExistingResourcePolicy policy, Action expected) throws Exception {
    server.enqueue(answer(200, LIVE_DIFFERENT));

    ItemOutcome outcome = ItemApplier.dryRun(cluster, policy).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome.action()).isEqualTo(expected);
    assertThat(outcome.dryRun()).isTrue();
    assertThat(outcome.before()).isEqualTo(LIVE_DIFFERENT);
    assertThat(outcome.applied()).isNull();
    assertThat(outcome.message())
        .endsWith(
            "differs in metadata.labels.edited, data.extra, data.color"
                + (policy == ExistingResourcePolicy.NONE ? ")" : ""));
    assertThat(requests()).containsExactly(GET);
  }

  @Test
  void aDryRunOfAnEqualObjectIsUnchanged() throws Exception {
    server.enqueue(answer(200, LIVE_EQUAL));

    ItemOutcome outcome =
        ItemApplier.dryRun(cluster, ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.UNCHANGED, true, "", LIVE_EQUAL, null));
    assertThat(requests()).containsExactly(GET);
  }

  @ParameterizedTest
  @CsvSource({
    "403, Forbidden, 'configmaps is forbidden: User \"restorer\" cannot create resource'",
    "422, Invalid, 'ConfigMap \"settings\" is invalid: data: Invalid value'"
  })
  void aRefusedCreateIsAFailedItemWithTheServersMessage(int code, String reason, String message)
      throws Exception {
    server.enqueue(status(code, reason, message));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "error restoring configmaps/shop/settings: " + message,
                null,
                null));
    assertThat(requests()).containsExactly(POST);
  }

  @Test
  void aRefusedPatchIsAFailedItem() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(status(422, "Invalid", "field is immutable"));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "error restoring configmaps/shop/settings: field is immutable",
                LIVE_DIFFERENT,
                null));
  }

  @Test
  void anObjectDeletedBetweenCreateAndReadIsAFailedItem() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(notFound());

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "configmaps/shop/settings already existed, then was deleted by someone else while"
                    + " being restored",
                null,
                null));
    assertThat(requests()).containsExactly(POST, GET);
  }

  @Test
  void anObjectCreatedAgainByAControllerDuringARecreateIsAFailedItem() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_DIFFERENT));
    server.enqueue(answer(200, json("{\"kind\": \"Status\", \"status\": \"Success\"}")));
    server.enqueue(alreadyExists());

    ItemOutcome outcome = live(ExistingResourcePolicy.RECREATE).apply(CONFIG_MAPS, DESIRED);

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "configmaps/shop/settings was created again by someone else while being recreated",
                LIVE_DIFFERENT,
                null));
    assertThat(requests()).containsExactly(POST, GET, DELETE, POST);
  }

  @Test
  void aServerErrorThrows() {
    server.enqueue(status(500, "InternalError", "etcd timed out"));

    assertThatThrownBy(() -> live(ExistingResourcePolicy.NONE).apply(CONFIG_MAPS, DESIRED))
        .isInstanceOf(ClusterRequestException.class)
        .hasMessage("could not create configmaps/shop/settings: HTTP 500: etcd timed out");
  }

  @Test
  void aServerErrorWhileReadingInADryRunThrows() {
    server.enqueue(status(503, "ServiceUnavailable", "try later"));

    assertThatThrownBy(
            () ->
                ItemApplier.dryRun(cluster, ExistingResourcePolicy.NONE)
                    .apply(CONFIG_MAPS, DESIRED))
        .isInstanceOf(ClusterRequestException.class)
        .hasMessage("could not read configmaps/shop/settings: HTTP 503: try later");
  }

  @Test
  void aServiceRestoredEarlierIsUnchangedDespiteTheAddressesTheClusterAssigned() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, LIVE_SERVICE));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(SERVICES, DESIRED_SERVICE);

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.UNCHANGED, false, "", LIVE_SERVICE, null));
    assertThat(requests()).containsExactly(SERVICE_POST, SERVICE_GET);
  }

  @Test
  void aChangedServiceIsReportedWithoutTheAssignedAddresses() throws Exception {
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, withSelector(LIVE_SERVICE, "web-v2")));

    ItemOutcome outcome = live(ExistingResourcePolicy.NONE).apply(SERVICES, DESIRED_SERVICE);

    assertThat(outcome.message())
        .isEqualTo(
            "could not restore, Service:web already exists. Warning: the in-cluster version is"
                + " different than the backed-up version (differs in"
                + " spec.selector.app)");
  }

  @Test
  void policyUpdateOfAServiceLeavesTheAssignedAddressesAlone() throws Exception {
    JsonObject changed = withSelector(LIVE_SERVICE, "web-v2");
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, changed));
    server.enqueue(answer(200, changed));
    server.enqueue(answer(200, withResourceVersion(LIVE_SERVICE, "4")));

    ItemOutcome outcome = live(ExistingResourcePolicy.UPDATE).apply(SERVICES, DESIRED_SERVICE);

    assertThat(outcome.action()).isEqualTo(Action.UPDATED);
    assertThat(outcome.before()).isEqualTo(changed);
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(ItemApplierTest::describe))
        .containsExactly(SERVICE_POST, SERVICE_GET, SERVICE_GET, SERVICE_PATCH);
    assertThat(JsonParser.parseString(sent.get(3).getBody().utf8()))
        .isEqualTo(
            json(
                """
                {"metadata": {"labels": {"velero.io/backup-name": "b2",
                                         "velero.io/restore-name": "r2"}},
                 "spec": {"selector": {"app": "web"}}}
                """));
  }

  @Test
  void aKeptStatusIsWrittenThroughTheStatusSubresourceAfterTheCreate() throws Exception {
    JsonObject stored = withResourceVersion(DESIRED_SERVICE, "1");
    JsonObject withStatus = withResourceVersion(DESIRED_SERVICE, "2");
    withStatus.add("status", KEPT_STATUS);
    server.enqueue(answer(201, stored));
    // ResourceApplier.mergePatchStatus reads the object to tell UPDATED from UNCHANGED.
    server.enqueue(answer(200, stored));
    server.enqueue(answer(200, withStatus));

    ItemOutcome outcome =
        live(ExistingResourcePolicy.NONE)
            .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS));

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.CREATED, false, "", null, withStatus));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(ItemApplierTest::describe))
        .containsExactly(SERVICE_POST, SERVICE_GET, STATUS_PATCH);
    assertThat(sent.get(2).getHeaders().get("Content-Type"))
        .isEqualTo("application/merge-patch+json");
    assertThat(JsonParser.parseString(sent.get(2).getBody().utf8()))
        .isEqualTo(
            json("{\"status\": {\"loadBalancer\": {\"ingress\": [{\"ip\": \"203.0.113.7\"}]}}}"));
  }

  @Test
  void aKeptStatusIsWrittenAfterARecreate() throws Exception {
    JsonObject changed = withSelector(LIVE_SERVICE, "web-v2");
    JsonObject stored = withResourceVersion(DESIRED_SERVICE, "5");
    JsonObject withStatus = withResourceVersion(DESIRED_SERVICE, "6");
    withStatus.add("status", KEPT_STATUS);
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, changed));
    server.enqueue(answer(200, json("{\"kind\": \"Status\", \"status\": \"Success\"}")));
    server.enqueue(answer(201, stored));
    server.enqueue(answer(200, stored));
    server.enqueue(answer(200, withStatus));

    ItemOutcome outcome =
        live(ExistingResourcePolicy.RECREATE)
            .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS));

    assertThat(outcome)
        .isEqualTo(new ItemOutcome(Action.RECREATED, false, "", changed, withStatus));
    assertThat(requests())
        .containsExactly(
            SERVICE_POST,
            SERVICE_GET,
            "DELETE /api/v1/namespaces/shop/services/web?propagationPolicy=Foreground",
            SERVICE_POST,
            SERVICE_GET,
            STATUS_PATCH);
  }

  @Test
  void aRefusedStatusPatchFailsTheItemAndSaysTheObjectWasCreated() throws Exception {
    JsonObject stored = withResourceVersion(DESIRED_SERVICE, "1");
    server.enqueue(answer(201, stored));
    server.enqueue(answer(200, stored));
    server.enqueue(status(403, "Forbidden", "services \"web\" is forbidden: cannot patch status"));

    ItemOutcome outcome =
        live(ExistingResourcePolicy.NONE)
            .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS));

    assertThat(outcome)
        .isEqualTo(
            new ItemOutcome(
                Action.FAILED,
                false,
                "services/shop/web was created but its status was not restored: services \"web\""
                    + " is forbidden: cannot patch status",
                null,
                stored));
  }

  @Test
  void aServerErrorOnTheStatusPatchThrows() {
    JsonObject stored = withResourceVersion(DESIRED_SERVICE, "1");
    server.enqueue(answer(201, stored));
    server.enqueue(answer(200, stored));
    server.enqueue(status(500, "InternalError", "etcd timed out"));

    assertThatThrownBy(
            () ->
                live(ExistingResourcePolicy.NONE)
                    .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS)))
        .isInstanceOf(ClusterRequestException.class)
        .hasMessage("could not restore the status of services/shop/web: HTTP 500: etcd timed out");
  }

  @Test
  void aKeptStatusIsNotWrittenToAnUpdatedObject() throws Exception {
    JsonObject changed = withSelector(LIVE_SERVICE, "web-v2");
    server.enqueue(alreadyExists());
    server.enqueue(answer(200, changed));
    server.enqueue(answer(200, changed));
    server.enqueue(answer(200, withResourceVersion(LIVE_SERVICE, "4")));

    ItemOutcome outcome =
        live(ExistingResourcePolicy.UPDATE)
            .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS));

    assertThat(outcome.action()).isEqualTo(Action.UPDATED);
    assertThat(requests()).containsExactly(SERVICE_POST, SERVICE_GET, SERVICE_GET, SERVICE_PATCH);
  }

  @Test
  void aDryRunWithAKeptStatusOnlyReads() throws Exception {
    server.enqueue(status(404, "NotFound", "services \"web\" not found"));

    ItemOutcome outcome =
        ItemApplier.dryRun(cluster, ExistingResourcePolicy.NONE)
            .apply(SERVICES, DESIRED_SERVICE, Optional.of(KEPT_STATUS));

    assertThat(outcome).isEqualTo(new ItemOutcome(Action.CREATED, true, "", null, null));
    assertThat(requests()).containsExactly(SERVICE_GET);
  }

  private ItemApplier live(ExistingResourcePolicy policy) {
    return ItemApplier.live(
        cluster,
        policy,
        new PollingWait(Duration.ofMinutes(1), Duration.ofSeconds(1), virtualSleeper, () -> nanos));
  }

  /** Every request the server received, as {@code METHOD path?query}. */
  private List<String> requests() throws InterruptedException {
    return takeAll().stream().map(ItemApplierTest::describe).toList();
  }

  private List<RecordedRequest> takeAll() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (RecordedRequest request = server.takeRequest(0, TimeUnit.SECONDS);
        request != null;
        request = server.takeRequest(0, TimeUnit.SECONDS)) {
      requests.add(request);
    }
    return requests;
  }

  private static String describe(RecordedRequest request) {
    String query = request.getUrl().encodedQuery();
    return request.getMethod()
        + " "
        + request.getUrl().encodedPath()
        + (query == null ? "" : "?" + query);
  }

  private static JsonObject withResourceVersion(JsonObject object, String resourceVersion) {
    JsonObject copy = object.deepCopy();
    copy.getAsJsonObject("metadata").addProperty("resourceVersion", resourceVersion);
    return copy;
  }

  private static JsonObject withSelector(JsonObject service, String app) {
    JsonObject copy = service.deepCopy();
    copy.getAsJsonObject("spec").getAsJsonObject("selector").addProperty("app", app);
    return copy;
  }

  private static MockResponse alreadyExists() {
    return status(409, "AlreadyExists", "configmaps \"settings\" already exists");
  }

  private static MockResponse notFound() {
    return status(404, "NotFound", "configmaps \"settings\" not found");
  }

  private static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return answer(code, status);
  }

  private static MockResponse answer(int code, JsonElement body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body.toString());
  }
}
