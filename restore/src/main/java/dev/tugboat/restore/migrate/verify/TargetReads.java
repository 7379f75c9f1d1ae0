package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The GETs and LISTs of the readiness check, with every failure turned into a {@link ReadFailure}.
 */
final class TargetReads {

  static final ApiResource PODS = builtIn("", "pods", "Pod");
  static final ApiResource REPLICA_SETS = builtIn("apps", "replicasets", "ReplicaSet");
  static final ApiResource EVENTS = builtIn("", "events", "Event");

  private final ApiClient apiClient;
  private final ResourceApplier applier;

  /** Built once per type: the constructor re-registers Gson adapters on the client. */
  private final ConcurrentMap<ApiResource, DynamicKubernetesApi> apis = new ConcurrentHashMap<>();

  TargetReads(ApiClient apiClient) {
    this.apiClient = apiClient;
    this.applier = ResourceApplier.live(apiClient);
  }

  /** The workload itself; a 404 reads {@code not found in the target}. */
  JsonObject get(WatchedWorkload workload) throws ReadFailure {
    ApplyResult result = applier.get(workload.type(), workload.namespace(), workload.name());
    if (result.outcome() == ApplyOutcome.FOUND) {
      return result.object();
    }
    if (result.outcome() == ApplyOutcome.NOT_FOUND) {
      throw new ReadFailure(result.httpStatus(), "not found in the target");
    }
    throw new ReadFailure(
        result.httpStatus(),
        "could not be read (" + httpStatus(result.httpStatus()) + "): " + result.message());
  }

  /**
   * The objects of a type in a namespace that match both selectors.
   *
   * @param labelSelector e.g. {@code app=web}, or {@code null} for all
   * @param fieldSelector e.g. {@code reason=FailedCreate}, or {@code null} for all
   */
  List<JsonObject> list(
      ApiResource type, String namespace, String labelSelector, String fieldSelector)
      throws ReadFailure {
    String request = "could not list " + type.plural() + " in " + namespace;
    ListOptions options =
        new ListOptions().labelSelector(labelSelector).fieldSelector(fieldSelector);
    KubernetesApiResponse<DynamicKubernetesListObject> response;
    try {
      response = api(type).list(namespace, options);
    } catch (RuntimeException e) {
      // The client throws for transport failures and for error answers it cannot parse.
      int status = e.getCause() instanceof ApiException apiException ? apiException.getCode() : 0;
      throw new ReadFailure(status, request + " (" + httpStatus(status) + "): " + e.getMessage());
    }
    if (!response.isSuccess()) {
      V1Status status = response.getStatus();
      String message = status == null ? null : status.getMessage();
      throw new ReadFailure(
          response.getHttpStatusCode(),
          request + " (" + httpStatus(response.getHttpStatusCode()) + "): " + message);
    }
    return JsonPaths.objects(response.getObject().getRaw(), "items");
  }

  private DynamicKubernetesApi api(ApiResource type) {
    return apis.computeIfAbsent(
        type, t -> new DynamicKubernetesApi(t.group(), t.version(), t.plural(), apiClient));
  }

  private static String httpStatus(int status) {
    return status == 0 ? "no answer" : "HTTP " + status;
  }

  private static ApiResource builtIn(String group, String plural, String kind) {
    return new ApiResource(group, "v1", plural, kind, true, Set.of("get", "list"), List.of(), "v1");
  }
}
