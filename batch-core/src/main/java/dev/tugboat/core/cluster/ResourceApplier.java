package dev.tugboat.core.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.ApiResponse;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Call;

/**
 * Writes and reads single objects of any resource type as raw JSON: create, get, JSON merge patch
 * (of the object or of its status), JSON patch, server-side apply and delete. Every call returns an
 * {@link ApplyResult}; HTTP errors and transport errors become outcomes, never exceptions. Only
 * misuse (a namespace given for a cluster-scoped type, an object without a name) throws {@link
 * IllegalArgumentException}.
 *
 * <p>Writes carry the field manager {@value #FIELD_MANAGER}. A dry-run applier sends {@code
 * dryRun=All} on every write: the server admits and validates but stores nothing.
 *
 * <p>Patch and apply read the object first: its {@code resourceVersion} tells UPDATED from
 * UNCHANGED, and its absence tells that an apply CREATED it (the client reports a 201 as 200, so
 * the answer alone cannot). Thread-safe.
 */
public final class ResourceApplier {

  /** The field manager of Tugboat's writes, as recorded in {@code metadata.managedFields}. */
  public static final String FIELD_MANAGER = "tugboat";

  private static final String DRY_RUN_ALL = "All";

  /**
   * The authentication scheme of client-java's generated APIs: naming it makes the client attach
   * the bearer token of the kubeconfig or service account.
   */
  private static final String[] AUTH_NAMES = {"BearerToken"};

  private final ApiClient apiClient;
  private final boolean dryRun;

  /** Built once per resource type: the constructor re-registers Gson adapters on the client. */
  private final ConcurrentMap<ApiResource, DynamicKubernetesApi> apis = new ConcurrentHashMap<>();

  private ResourceApplier(ApiClient apiClient, boolean dryRun) {
    this.apiClient = Objects.requireNonNull(apiClient, "apiClient");
    this.dryRun = dryRun;
  }

  /** An applier whose writes take effect. */
  public static ResourceApplier live(ApiClient apiClient) {
    return new ResourceApplier(apiClient, false);
  }

  /** An applier whose writes are sent with {@code dryRun=All}: checked, not stored. */
  public static ResourceApplier dryRun(ApiClient apiClient) {
    return new ResourceApplier(apiClient, true);
  }

  /**
   * Creates {@code object} (POST) in the namespace of its {@code metadata.namespace}.
   *
   * @return CREATED, or ALREADY_EXISTS when an object of that name exists
   */
  public ApplyResult create(ApiResource resource, JsonObject object) {
    String namespace = namespaceOf(resource, object);
    DynamicKubernetesObject body = new DynamicKubernetesObject(object);
    CreateOptions options = new CreateOptions().fieldManager(FIELD_MANAGER).dryRun(dryRunValue());
    return send(
        () ->
            namespace == null
                ? api(resource).create(body, options)
                : api(resource).create(namespace, body, options),
        created -> ApplyOutcome.CREATED);
  }

  /**
   * Reads one object.
   *
   * @param namespace its namespace; {@code null} for cluster-scoped types
   * @return FOUND with the object, or NOT_FOUND
   */
  public ApplyResult get(ApiResource resource, String namespace, String name) {
    checkScope(resource, namespace);
    return send(
        () -> namespace == null ? api(resource).get(name) : api(resource).get(namespace, name),
        found -> ApplyOutcome.FOUND);
  }

  /**
   * Changes an existing object with a JSON merge patch (RFC 7386): maps merge, {@code null} removes
   * a field, lists are replaced whole.
   *
   * @return UPDATED, UNCHANGED, or NOT_FOUND without sending the patch
   */
  public ApplyResult mergePatch(
      ApiResource resource, String namespace, String name, JsonObject patch) {
    return patchExisting(
        resource, namespace, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch.toString());
  }

  /**
   * Sets an existing object's status through its {@code status} subresource, with the JSON merge
   * patch {@code {"status": status}}: what client-go's {@code UpdateStatus} does, without needing
   * the object's {@code resourceVersion}. Writes to the object itself ignore its status, so this is
   * how a restore brings a status back.
   *
   * @param namespace its namespace; {@code null} for cluster-scoped types
   * @return UPDATED, UNCHANGED, or NOT_FOUND without sending the patch; NOT_FOUND after sending it
   *     when the type has no status subresource
   */
  public ApplyResult mergePatchStatus(
      ApiResource resource, String namespace, String name, JsonObject status) {
    ApplyResult before = get(resource, namespace, name);
    if (before.outcome() != ApplyOutcome.FOUND) {
      return before;
    }
    JsonObject patch = new JsonObject();
    patch.add("status", status.deepCopy());
    List<Pair> query = new ArrayList<>(apiClient.parameterToPair("fieldManager", FIELD_MANAGER));
    if (dryRun) {
      query.addAll(apiClient.parameterToPair("dryRun", DRY_RUN_ALL));
    }
    try {
      ApiResponse<JsonElement> response =
          execute(
              "PATCH",
              objectPath(resource, namespace, name) + "/status",
              query,
              // Bytes, so that the client sends them and the Content-Type exactly as given.
              patch.toString().getBytes(StandardCharsets.UTF_8),
              V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH);
      JsonObject after = objectIn(response.getData());
      return new ApplyResult(change(before.object(), after), response.getStatusCode(), "", after);
    } catch (ApiException e) {
      return ApplyResult.of(e);
    }
  }

  /**
   * Changes an existing object with a JSON patch (RFC 6902), a list of operations such as {@code
   * {"op":"replace","path":"/spec/replicas","value":0}}.
   *
   * @return UPDATED, UNCHANGED, or NOT_FOUND without sending the patch
   */
  public ApplyResult jsonPatch(
      ApiResource resource, String namespace, String name, JsonArray operations) {
    return patchExisting(
        resource, namespace, name, V1Patch.PATCH_FORMAT_JSON_PATCH, operations.toString());
  }

  /**
   * Server-side apply: makes the fields {@code object} sets owned by {@value #FIELD_MANAGER} and
   * equal to its values, creating the object if needed. Safe to repeat.
   *
   * @param object the full desired object, with {@code apiVersion}, {@code kind} and {@code
   *     metadata.name}, without server-owned fields such as {@code resourceVersion}
   * @param force take over fields another manager owns instead of failing with a conflict (409,
   *     FAILED)
   * @return CREATED, UPDATED or UNCHANGED
   */
  public ApplyResult apply(ApiResource resource, JsonObject object, boolean force) {
    String namespace = namespaceOf(resource, object);
    String name = nameOf(resource, object);
    ApplyResult before = get(resource, namespace, name);
    if (before.outcome() != ApplyOutcome.FOUND && before.outcome() != ApplyOutcome.NOT_FOUND) {
      return before;
    }
    PatchOptions options = patchOptions().force(force);
    return send(
        () ->
            patch(
                resource,
                namespace,
                name,
                V1Patch.PATCH_FORMAT_APPLY_YAML,
                object.toString(),
                options),
        after -> change(before.object(), after));
  }

  /**
   * Deletes one object.
   *
   * @param namespace its namespace; {@code null} for cluster-scoped types
   * @return DELETED (with the object when it still exists, e.g. waiting for finalizers or
   *     dependents), or NOT_FOUND
   */
  public ApplyResult delete(
      ApiResource resource, String namespace, String name, DeletePropagation propagation) {
    checkScope(resource, namespace);
    // Not through DynamicKubernetesApi: for cluster-scoped types it drops the delete options
    // (client-java 27), so a dry-run delete of a Namespace would really delete it.
    List<Pair> query =
        new ArrayList<>(apiClient.parameterToPair("propagationPolicy", propagation.policy()));
    if (dryRun) {
      query.addAll(apiClient.parameterToPair("dryRun", DRY_RUN_ALL));
    }
    try {
      ApiResponse<JsonElement> response =
          execute("DELETE", objectPath(resource, namespace, name), query, null, null);
      return new ApplyResult(
          ApplyOutcome.DELETED, response.getStatusCode(), "", objectIn(response.getData()));
    } catch (ApiException e) {
      return ApplyResult.of(e);
    }
  }

  /**
   * Sends one request built by hand, for what {@link DynamicKubernetesApi} cannot do.
   *
   * @param body the request body, or {@code null}
   * @param contentType the body's media type; {@code null} without a body
   */
  private ApiResponse<JsonElement> execute(
      String method, String path, List<Pair> query, byte[] body, String contentType)
      throws ApiException {
    Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    Call call =
        apiClient.buildCall(
            null,
            path,
            method,
            query,
            new ArrayList<>(),
            body,
            headers,
            new HashMap<>(),
            new HashMap<>(),
            AUTH_NAMES,
            null);
    return apiClient.execute(call, JsonElement.class);
  }

  private ApplyResult patchExisting(
      ApiResource resource, String namespace, String name, String format, String patch) {
    ApplyResult before = get(resource, namespace, name);
    if (before.outcome() != ApplyOutcome.FOUND) {
      return before;
    }
    PatchOptions options = patchOptions();
    return send(
        () -> patch(resource, namespace, name, format, patch, options),
        after -> change(before.object(), after));
  }

  private KubernetesApiResponse<DynamicKubernetesObject> patch(
      ApiResource resource,
      String namespace,
      String name,
      String format,
      String body,
      PatchOptions options) {
    // The client sends the patch format as the Content-Type.
    V1Patch patch = new V1Patch(body);
    return namespace == null
        ? api(resource).patch(name, format, patch, options)
        : api(resource).patch(namespace, name, format, patch, options);
  }

  private PatchOptions patchOptions() {
    return new PatchOptions().fieldManager(FIELD_MANAGER).dryRun(dryRunValue());
  }

  /** UPDATED or UNCHANGED compared with the object before the write; CREATED if there was none. */
  private ApplyOutcome change(JsonObject before, JsonObject after) {
    if (before == null) {
      return ApplyOutcome.CREATED;
    }
    // A dry run never bumps resourceVersion, so there only the content can tell.
    boolean unchanged =
        dryRun
            ? before.equals(after)
            : Objects.equals(resourceVersion(before), resourceVersion(after));
    return unchanged ? ApplyOutcome.UNCHANGED : ApplyOutcome.UPDATED;
  }

  private ApplyResult send(
      Supplier<KubernetesApiResponse<DynamicKubernetesObject>> call,
      Function<JsonObject, ApplyOutcome> outcomeOfSuccess) {
    KubernetesApiResponse<DynamicKubernetesObject> response;
    try {
      response = call.get();
    } catch (RuntimeException e) {
      return thrownByClient(e);
    }
    if (!response.isSuccess()) {
      V1Status status = response.getStatus();
      return ApplyResult.failure(
          response.getHttpStatusCode(), status.getReason(), status.getMessage());
    }
    JsonObject object = response.getObject() == null ? null : response.getObject().getRaw();
    return new ApplyResult(
        outcomeOfSuccess.apply(object), response.getHttpStatusCode(), "", object);
  }

  private DynamicKubernetesApi api(ApiResource resource) {
    return apis.computeIfAbsent(
        resource, r -> new DynamicKubernetesApi(r.group(), r.version(), r.plural(), apiClient));
  }

  private String dryRunValue() {
    return dryRun ? DRY_RUN_ALL : null;
  }

  /**
   * The dynamic client throws instead of answering in two cases: no HTTP answer (an
   * IllegalStateException around the IOException), and an error answer whose body is not a Status
   * (a RuntimeException around the ApiException).
   */
  private static ApplyResult thrownByClient(RuntimeException e) {
    if (e.getCause() instanceof ApiException apiException) {
      return ApplyResult.of(apiException);
    }
    if (e.getCause() instanceof IOException ioException) {
      return ApplyResult.noAnswer(ioException);
    }
    throw e;
  }

  /** The object in a delete answer; {@code null} when the answer is a Status (deleted at once). */
  private static JsonObject objectIn(JsonElement answer) {
    if (answer == null || !answer.isJsonObject()) {
      return null;
    }
    JsonObject object = answer.getAsJsonObject();
    return "Status".equals(stringOrNull(object, "kind")) ? null : object;
  }

  private String objectPath(ApiResource resource, String namespace, String name) {
    String path =
        resource.group().isEmpty()
            ? "/api/" + resource.version()
            : "/apis/" + resource.group() + "/" + resource.version();
    if (namespace != null) {
      path += "/namespaces/" + apiClient.escapeString(namespace);
    }
    return path + "/" + resource.plural() + "/" + apiClient.escapeString(name);
  }

  private static String namespaceOf(ApiResource resource, JsonObject object) {
    String namespace = stringOrNull(metadataOf(resource, object), "namespace");
    checkScope(resource, namespace);
    return namespace;
  }

  private static String nameOf(ApiResource resource, JsonObject object) {
    String name = stringOrNull(metadataOf(resource, object), "name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a " + resource.kind() + " to apply needs metadata.name");
    }
    return name;
  }

  private static JsonObject metadataOf(ApiResource resource, JsonObject object) {
    JsonElement metadata = object.get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      throw new IllegalArgumentException("a " + resource.kind() + " needs metadata");
    }
    return metadata.getAsJsonObject();
  }

  private static void checkScope(ApiResource resource, String namespace) {
    boolean hasNamespace = namespace != null && !namespace.isEmpty();
    if (resource.namespaced() && !hasNamespace) {
      throw new IllegalArgumentException(
          resource.groupResource() + " is namespaced: a namespace is needed");
    }
    if (!resource.namespaced() && namespace != null) {
      throw new IllegalArgumentException(
          resource.groupResource()
              + " is cluster-scoped: no namespace allowed, got \""
              + namespace
              + "\"");
    }
  }

  private static String resourceVersion(JsonObject object) {
    JsonElement metadata = object.get("metadata");
    return metadata == null || !metadata.isJsonObject()
        ? null
        : stringOrNull(metadata.getAsJsonObject(), "resourceVersion");
  }

  private static String stringOrNull(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
