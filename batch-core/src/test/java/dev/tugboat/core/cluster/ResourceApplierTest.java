package dev.tugboat.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

class ResourceApplierTest {

  private static final ApiResource CONFIG_MAPS =
      new ApiResource("", "v1", "configmaps", "ConfigMap", true, Set.of(), List.of(), "v1");
  private static final ApiResource NAMESPACES =
      new ApiResource("", "v1", "namespaces", "Namespace", false, Set.of(), List.of(), "v1");
  private static final ApiResource DEPLOYMENTS =
      new ApiResource("apps", "v1", "deployments", "Deployment", true, Set.of(), List.of(), "v1");

  private final MockWebServer server = new MockWebServer();
  private ApiClient apiClient;
  private ResourceApplier applier;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    apiClient = PagedListReaderTest.apiClientFor(server);
    applier = ResourceApplier.live(apiClient);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void createPostsTheObjectWithTheFieldManager() throws Exception {
    JsonObject settings = configMap("settings", null, "blue");
    JsonObject stored = configMap("settings", "1", "blue");
    server.enqueue(ApiAnswers.json(201, stored));

    ApplyResult result = applier.create(CONFIG_MAPS, settings);

    assertThat(result).isEqualTo(new ApplyResult(ApplyOutcome.CREATED, 200, "", stored));
    assertRequest("POST", "/api/v1/namespaces/shop/configmaps", Map.of("fieldManager", "tugboat"))
        .hasBody(settings);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void createUsesTheClusterPathForClusterScopedTypes() throws Exception {
    JsonObject namespace = namespace("shop");
    server.enqueue(ApiAnswers.json(201, namespace));

    assertThat(applier.create(NAMESPACES, namespace).outcome()).isEqualTo(ApplyOutcome.CREATED);
    assertRequest("POST", "/api/v1/namespaces", Map.of("fieldManager", "tugboat"))
        .hasBody(namespace);
  }

  @Test
  void createUsesTheGroupPathForNamedGroups() throws Exception {
    JsonObject deployment = object("apps/v1", "Deployment", "shop", "web", null);
    server.enqueue(ApiAnswers.json(201, deployment));

    assertThat(applier.create(DEPLOYMENTS, deployment).outcome()).isEqualTo(ApplyOutcome.CREATED);
    assertRequest(
        "POST", "/apis/apps/v1/namespaces/shop/deployments", Map.of("fieldManager", "tugboat"));
  }

  @Test
  void createOfAnExistingObjectReportsAlreadyExists() throws Exception {
    server.enqueue(
        ApiAnswers.status(409, "AlreadyExists", "configmaps \"settings\" already exists"));

    ApplyResult result = applier.create(CONFIG_MAPS, configMap("settings", null, "blue"));

    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.ALREADY_EXISTS, 409, "configmaps \"settings\" already exists", null));
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @CsvSource({
    "400, BadRequest, INVALID",
    "403, Forbidden, FORBIDDEN",
    "404, NotFound, NOT_FOUND",
    "409, AlreadyExists, ALREADY_EXISTS",
    "409, Conflict, FAILED",
    "422, Invalid, INVALID",
    "429, TooManyRequests, FAILED",
    "500, InternalError, FAILED",
    "503, ServiceUnavailable, FAILED"
  })
  void errorAnswersMapToOutcomesWithTheServerMessage(
      int code, String reason, ApplyOutcome outcome) {
    server.enqueue(ApiAnswers.status(code, reason, "the server says " + reason));

    ApplyResult result = applier.create(CONFIG_MAPS, configMap("settings", null, "blue"));

    assertThat(result).isEqualTo(new ApplyResult(outcome, code, "the server says " + reason, null));
    assertThat(result.isSuccess()).isFalse();
  }

  @Test
  void errorAnswerWithoutABodyStillBecomesAResult() {
    server.enqueue(new MockResponse(503, Headers.of(), ""));

    assertThat(applier.create(CONFIG_MAPS, configMap("settings", null, "blue")))
        .isEqualTo(new ApplyResult(ApplyOutcome.FAILED, 503, "HTTP 503", null));
  }

  @Test
  void errorAnswerThatIsNotJsonKeepsItsText() {
    server.enqueue(new MockResponse(502, Headers.of(), "upstream connect error"));

    assertThat(applier.get(CONFIG_MAPS, "shop", "settings"))
        .isEqualTo(new ApplyResult(ApplyOutcome.FAILED, 502, "upstream connect error", null));
  }

  @Test
  void noAnswerBecomesAFailedResult() {
    server.close();

    ApplyResult create = applier.create(CONFIG_MAPS, configMap("settings", null, "blue"));
    ApplyResult delete =
        applier.delete(CONFIG_MAPS, "shop", "settings", DeletePropagation.BACKGROUND);

    for (ApplyResult result : List.of(create, delete)) {
      assertThat(result.outcome()).isEqualTo(ApplyOutcome.FAILED);
      assertThat(result.httpStatus()).isZero();
      assertThat(result.message())
          .startsWith("no answer from the API server: java.net.ConnectException");
      assertThat(result.object()).isNull();
    }
  }

  @Test
  void getReportsFoundWithTheObject() throws Exception {
    JsonObject stored = configMap("settings", "5", "blue");
    server.enqueue(ApiAnswers.json(200, stored));

    assertThat(applier.get(CONFIG_MAPS, "shop", "settings"))
        .isEqualTo(new ApplyResult(ApplyOutcome.FOUND, 200, "", stored));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
  }

  @Test
  void mergePatchSendsItsContentTypeAndReportsUpdated() throws Exception {
    JsonObject patch =
        JsonParser.parseString("{\"data\":{\"colour\":\"green\"}}").getAsJsonObject();
    JsonObject patched = configMap("settings", "6", "green");
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, patched));

    ApplyResult result = applier.mergePatch(CONFIG_MAPS, "shop", "settings", patch);

    assertThat(result).isEqualTo(new ApplyResult(ApplyOutcome.UPDATED, 200, "", patched));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
    assertRequest(
            "PATCH",
            "/api/v1/namespaces/shop/configmaps/settings",
            Map.of("fieldManager", "tugboat"))
        .hasContentType("application/merge-patch+json")
        .hasBody(patch);
  }

  @Test
  void patchThatChangesNothingReportsUnchanged() {
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));

    ApplyResult result =
        applier.mergePatch(
            CONFIG_MAPS,
            "shop",
            "settings",
            JsonParser.parseString("{\"data\":{\"colour\":\"blue\"}}").getAsJsonObject());

    assertThat(result.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
  }

  @Test
  void patchOfAMissingObjectReportsNotFoundWithoutPatching() {
    server.enqueue(ApiAnswers.status(404, "NotFound", "configmaps \"settings\" not found"));

    ApplyResult result = applier.mergePatch(CONFIG_MAPS, "shop", "settings", new JsonObject());

    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.NOT_FOUND, 404, "configmaps \"settings\" not found", null));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void mergePatchStatusPatchesTheStatusSubresourceAndReportsUpdated() throws Exception {
    JsonObject status = JsonParser.parseString("{\"readyReplicas\": 2}").getAsJsonObject();
    JsonObject patched = deployment("6", status);
    server.enqueue(ApiAnswers.json(200, deployment("5", null)));
    server.enqueue(ApiAnswers.json(200, patched));

    ApplyResult result = applier.mergePatchStatus(DEPLOYMENTS, "shop", "web", status);

    assertThat(result).isEqualTo(new ApplyResult(ApplyOutcome.UPDATED, 200, "", patched));
    assertRequest("GET", "/apis/apps/v1/namespaces/shop/deployments/web", Map.of());
    assertRequest(
            "PATCH",
            "/apis/apps/v1/namespaces/shop/deployments/web/status",
            Map.of("fieldManager", "tugboat"))
        .hasContentType("application/merge-patch+json")
        .hasBody(JsonParser.parseString("{\"status\": {\"readyReplicas\": 2}}"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void mergePatchStatusOfAClusterScopedObjectUsesTheClusterPath() throws Exception {
    JsonObject status = JsonParser.parseString("{\"phase\": \"Active\"}").getAsJsonObject();
    server.enqueue(ApiAnswers.json(200, namespace("shop")));
    server.enqueue(ApiAnswers.json(200, namespace("shop")));

    ApplyResult result = applier.mergePatchStatus(NAMESPACES, null, "shop", status);

    assertThat(result)
        .isEqualTo(new ApplyResult(ApplyOutcome.UNCHANGED, 200, "", namespace("shop")));
    assertRequest("GET", "/api/v1/namespaces/shop", Map.of());
    assertRequest("PATCH", "/api/v1/namespaces/shop/status", Map.of("fieldManager", "tugboat"))
        .hasContentType("application/merge-patch+json")
        .hasBody(JsonParser.parseString("{\"status\": {\"phase\": \"Active\"}}"));
  }

  @Test
  void mergePatchStatusOfAMissingObjectReportsNotFoundWithoutPatching() {
    server.enqueue(ApiAnswers.status(404, "NotFound", "deployments.apps \"web\" not found"));

    ApplyResult result = applier.mergePatchStatus(DEPLOYMENTS, "shop", "web", new JsonObject());

    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.NOT_FOUND, 404, "deployments.apps \"web\" not found", null));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void mergePatchStatusReportsARefusalWithTheServersMessage() {
    server.enqueue(ApiAnswers.json(200, deployment("5", null)));
    server.enqueue(ApiAnswers.status(422, "Invalid", "status.replicas: Invalid value: -1"));

    ApplyResult result =
        applier.mergePatchStatus(
            DEPLOYMENTS,
            "shop",
            "web",
            JsonParser.parseString("{\"replicas\": -1}").getAsJsonObject());

    assertThat(result)
        .isEqualTo(
            new ApplyResult(ApplyOutcome.INVALID, 422, "status.replicas: Invalid value: -1", null));
  }

  @Test
  void dryRunMergePatchStatusSendsDryRunAllAndComparesContent() throws Exception {
    JsonObject status = JsonParser.parseString("{\"readyReplicas\": 2}").getAsJsonObject();
    server.enqueue(ApiAnswers.json(200, deployment("5", null)));
    server.enqueue(ApiAnswers.json(200, deployment("5", status)));

    ApplyResult result =
        ResourceApplier.dryRun(apiClient).mergePatchStatus(DEPLOYMENTS, "shop", "web", status);

    assertThat(result.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertRequest("GET", "/apis/apps/v1/namespaces/shop/deployments/web", Map.of());
    assertRequest(
        "PATCH",
        "/apis/apps/v1/namespaces/shop/deployments/web/status",
        Map.of("fieldManager", "tugboat", "dryRun", "All"));
  }

  @Test
  void jsonPatchSendsItsContentTypeAndReportsInvalid() throws Exception {
    JsonArray operations =
        JsonParser.parseString("[{\"op\":\"replace\",\"path\":\"/data/size\",\"value\":-1}]")
            .getAsJsonArray();
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.status(422, "Invalid", "data.size: Invalid value: -1"));

    ApplyResult result = applier.jsonPatch(CONFIG_MAPS, "shop", "settings", operations);

    assertThat(result)
        .isEqualTo(
            new ApplyResult(ApplyOutcome.INVALID, 422, "data.size: Invalid value: -1", null));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
    assertRequest(
            "PATCH",
            "/api/v1/namespaces/shop/configmaps/settings",
            Map.of("fieldManager", "tugboat"))
        .hasContentType("application/json-patch+json")
        .hasBody(operations);
  }

  @Test
  void applyOfAMissingObjectReportsCreated() throws Exception {
    JsonObject desired = configMap("settings", null, "blue");
    JsonObject stored = configMap("settings", "1", "blue");
    server.enqueue(ApiAnswers.status(404, "NotFound", "configmaps \"settings\" not found"));
    server.enqueue(ApiAnswers.json(201, stored));

    ApplyResult result = applier.apply(CONFIG_MAPS, desired, true);

    assertThat(result).isEqualTo(new ApplyResult(ApplyOutcome.CREATED, 200, "", stored));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
    assertRequest(
            "PATCH",
            "/api/v1/namespaces/shop/configmaps/settings",
            Map.of("fieldManager", "tugboat", "force", "true"))
        .hasContentType("application/apply-patch+yaml")
        .hasBody(desired);
  }

  @Test
  void applyOfAClusterScopedObjectUsesTheClusterPath() throws Exception {
    server.enqueue(ApiAnswers.json(200, namespace("shop")));
    server.enqueue(ApiAnswers.json(200, namespace("shop")));

    assertThat(applier.apply(NAMESPACES, namespace("shop"), false).outcome())
        .isEqualTo(ApplyOutcome.UNCHANGED);
    assertRequest("GET", "/api/v1/namespaces/shop", Map.of());
    assertRequest(
            "PATCH", "/api/v1/namespaces/shop", Map.of("fieldManager", "tugboat", "force", "false"))
        .hasContentType("application/apply-patch+yaml");
  }

  @Test
  void applyComparesResourceVersionsToTellUpdatedFromUnchanged() {
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "6", "green")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "6", "green")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "6", "green")));

    ApplyResult first = applier.apply(CONFIG_MAPS, configMap("settings", null, "green"), true);
    ApplyResult second = applier.apply(CONFIG_MAPS, configMap("settings", null, "green"), true);

    assertThat(first.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertThat(second.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
  }

  @Test
  void applyConflictWithoutForceFails() {
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(
        ApiAnswers.status(
            409,
            "Conflict",
            "Apply failed with 1 conflict: conflict with \"kubectl\": .data.colour"));

    ApplyResult result = applier.apply(CONFIG_MAPS, configMap("settings", null, "green"), false);

    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.FAILED,
                409,
                "Apply failed with 1 conflict: conflict with \"kubectl\": .data.colour",
                null));
  }

  @Test
  void applyStopsWhenTheObjectCannotBeRead() {
    server.enqueue(ApiAnswers.status(403, "Forbidden", "configmaps \"settings\" is forbidden"));

    ApplyResult result = applier.apply(CONFIG_MAPS, configMap("settings", null, "blue"), true);

    assertThat(result)
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.FORBIDDEN, 403, "configmaps \"settings\" is forbidden", null));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void dryRunWritesSendDryRunAll() throws Exception {
    ResourceApplier dryRun = ResourceApplier.dryRun(apiClient);
    server.enqueue(ApiAnswers.json(201, configMap("settings", "1", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "green")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "green")));

    dryRun.create(CONFIG_MAPS, configMap("settings", null, "blue"));
    dryRun.mergePatch(CONFIG_MAPS, "shop", "settings", new JsonObject());
    dryRun.apply(CONFIG_MAPS, configMap("settings", null, "green"), true);

    assertRequest(
        "POST",
        "/api/v1/namespaces/shop/configmaps",
        Map.of("fieldManager", "tugboat", "dryRun", "All"));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
    assertRequest(
        "PATCH",
        "/api/v1/namespaces/shop/configmaps/settings",
        Map.of("fieldManager", "tugboat", "dryRun", "All"));
    assertRequest("GET", "/api/v1/namespaces/shop/configmaps/settings", Map.of());
    assertRequest(
        "PATCH",
        "/api/v1/namespaces/shop/configmaps/settings",
        Map.of("fieldManager", "tugboat", "dryRun", "All", "force", "true"));
  }

  @Test
  void dryRunComparesContentBecauseTheResourceVersionStays() {
    ResourceApplier dryRun = ResourceApplier.dryRun(apiClient);
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "green")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));
    server.enqueue(ApiAnswers.json(200, configMap("settings", "5", "blue")));

    ApplyResult changing = dryRun.apply(CONFIG_MAPS, configMap("settings", null, "green"), true);
    ApplyResult same = dryRun.apply(CONFIG_MAPS, configMap("settings", null, "blue"), true);

    assertThat(changing.outcome()).isEqualTo(ApplyOutcome.UPDATED);
    assertThat(same.outcome()).isEqualTo(ApplyOutcome.UNCHANGED);
  }

  @Test
  void deleteSendsThePropagationPolicyAndReportsDeleted() throws Exception {
    JsonObject success = new JsonObject();
    success.addProperty("kind", "Status");
    success.addProperty("apiVersion", "v1");
    success.addProperty("status", "Success");
    server.enqueue(ApiAnswers.json(200, success));

    ApplyResult result =
        applier.delete(CONFIG_MAPS, "shop", "settings", DeletePropagation.FOREGROUND);

    assertThat(result).isEqualTo(new ApplyResult(ApplyOutcome.DELETED, 200, "", null));
    assertRequest(
        "DELETE",
        "/api/v1/namespaces/shop/configmaps/settings",
        Map.of("propagationPolicy", "Foreground"));
  }

  @Test
  void deleteReturnsTheObjectWhileItFinalizes() {
    JsonObject finalizing = object("apps/v1", "Deployment", "shop", "web", "9");
    finalizing.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-01-01T00:00:00Z");
    server.enqueue(ApiAnswers.json(202, finalizing));

    assertThat(applier.delete(DEPLOYMENTS, "shop", "web", DeletePropagation.ORPHAN))
        .isEqualTo(new ApplyResult(ApplyOutcome.DELETED, 202, "", finalizing));
  }

  @Test
  void dryRunDeleteOfAClusterScopedObjectKeepsItsOptions() throws Exception {
    server.enqueue(ApiAnswers.json(200, namespace("shop")));

    ApplyResult result =
        ResourceApplier.dryRun(apiClient)
            .delete(NAMESPACES, null, "shop", DeletePropagation.BACKGROUND);

    assertThat(result.outcome()).isEqualTo(ApplyOutcome.DELETED);
    assertRequest(
        "DELETE",
        "/api/v1/namespaces/shop",
        Map.of("propagationPolicy", "Background", "dryRun", "All"));
  }

  @Test
  void deleteOfAMissingObjectReportsNotFound() {
    server.enqueue(ApiAnswers.status(404, "NotFound", "configmaps \"settings\" not found"));

    assertThat(applier.delete(CONFIG_MAPS, "shop", "settings", DeletePropagation.BACKGROUND))
        .isEqualTo(
            new ApplyResult(
                ApplyOutcome.NOT_FOUND, 404, "configmaps \"settings\" not found", null));
  }

  @Test
  void namespaceMustMatchTheScopeOfTheType() {
    assertThatThrownBy(() -> applier.get(NAMESPACES, "shop", "shop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("namespaces is cluster-scoped: no namespace allowed, got \"shop\"");
    assertThatThrownBy(() -> applier.get(CONFIG_MAPS, null, "settings"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configmaps is namespaced: a namespace is needed");
    assertThatThrownBy(
            () -> applier.create(DEPLOYMENTS, object("apps/v1", "Deployment", null, "web", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deployments.apps is namespaced: a namespace is needed");
    assertThat(server.getRequestCount()).isZero();
  }

  /** Takes the next request and checks its method, path and exact query. */
  private RequestAssert assertRequest(String method, String path, Map<String, String> query)
      throws InterruptedException {
    RecordedRequest request = server.takeRequest(0, TimeUnit.SECONDS);
    assertThat(request).as("request %s %s", method, path).isNotNull();
    Map<String, String> sent = new TreeMap<>();
    for (String name : request.getUrl().queryParameterNames()) {
      sent.put(name, request.getUrl().queryParameter(name));
    }
    assertThat(request.getMethod()).isEqualTo(method);
    assertThat(request.getUrl().encodedPath()).isEqualTo(path);
    assertThat(sent).isEqualTo(new TreeMap<>(query));
    return new RequestAssert(request);
  }

  private record RequestAssert(RecordedRequest request) {

    RequestAssert hasContentType(String contentType) {
      assertThat(request.getHeaders().get("Content-Type")).isEqualTo(contentType);
      return this;
    }

    RequestAssert hasBody(JsonElement body) {
      assertThat(JsonParser.parseString(request.getBody().utf8())).isEqualTo(body);
      return this;
    }
  }

  private static JsonObject configMap(String name, String resourceVersion, String colour) {
    JsonObject configMap = object("v1", "ConfigMap", "shop", name, resourceVersion);
    JsonObject data = new JsonObject();
    data.addProperty("colour", colour);
    configMap.add("data", data);
    return configMap;
  }

  private static JsonObject deployment(String resourceVersion, JsonObject status) {
    JsonObject deployment = object("apps/v1", "Deployment", "shop", "web", resourceVersion);
    if (status != null) {
      deployment.add("status", status);
    }
    return deployment;
  }

  private static JsonObject namespace(String name) {
    return object("v1", "Namespace", null, name, null);
  }

  private static JsonObject object(
      String apiVersion, String kind, String namespace, String name, String resourceVersion) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    if (namespace != null) {
      metadata.addProperty("namespace", namespace);
    }
    if (resourceVersion != null) {
      metadata.addProperty("resourceVersion", resourceVersion);
    }
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", apiVersion);
    object.addProperty("kind", kind);
    object.add("metadata", metadata);
    return object;
  }
}
