package dev.tugboat.core.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends the LIST requests of a {@link PagedListReader}: one page per call, with the reader's
 * namespace, page size and selectors.
 */
final class PagedListFetcher {

  private static final int GONE = 410;

  private final DynamicKubernetesApi api;
  private final ApiResource resource;
  private final String namespace;
  private final int pageSize;
  private final String labelSelector;
  private final String fieldSelector;

  PagedListFetcher(
      ApiClient apiClient,
      ApiResource resource,
      String namespace,
      int pageSize,
      String labelSelector,
      String fieldSelector) {
    this.api =
        new DynamicKubernetesApi(
            resource.group(), resource.version(), resource.plural(), apiClient);
    this.resource = resource;
    this.namespace = namespace;
    this.pageSize = pageSize;
    this.labelSelector = labelSelector;
    this.fieldSelector = fieldSelector;
  }

  /**
   * Loads the page that {@code continueToken} points to, or the first page when it is {@code null}.
   *
   * @return the page, or empty when the server answered 410: the token expired and the listing must
   *     start over
   * @throws ListRequestException when the request fails in any other way
   */
  Optional<PagedListPage> fetch(String continueToken) {
    ListOptions options =
        new ListOptions()
            .limit(pageSize)
            ._continue(continueToken)
            .labelSelector(labelSelector)
            .fieldSelector(fieldSelector);
    KubernetesApiResponse<DynamicKubernetesListObject> response;
    try {
      response = namespace == null ? api.list(options) : api.list(namespace, options);
    } catch (RuntimeException e) {
      // The client throws for transport failures and for error answers it cannot parse.
      throw new ListRequestException(request() + " failed: " + e.getMessage(), 0, e);
    }
    if (response.getHttpStatusCode() == GONE) {
      return Optional.empty();
    }
    if (!response.isSuccess()) {
      throw new ListRequestException(
          request() + " failed: " + describe(response), response.getHttpStatusCode(), null);
    }
    return Optional.of(toPage(response.getObject().getRaw()));
  }

  /** The request in words, e.g. {@code LIST apps/v1 deployments in namespace "shop"}. */
  String request() {
    String scope;
    if (!resource.namespaced()) {
      scope = "(cluster-scoped)";
    } else if (namespace == null) {
      scope = "in all namespaces";
    } else {
      scope = "in namespace \"" + namespace + "\"";
    }
    return "LIST " + resource.apiVersion() + " " + resource.plural() + " " + scope;
  }

  private PagedListPage toPage(JsonObject list) {
    // The server sets apiVersion and kind on the List only; an item written to an archive needs
    // its own.
    String apiVersion = stringOrNull(list, "apiVersion");
    String listKind = stringOrNull(list, "kind");
    String itemApiVersion = apiVersion != null ? apiVersion : resource.apiVersion();
    String itemKind =
        listKind != null && listKind.endsWith("List")
            ? listKind.substring(0, listKind.length() - "List".length())
            : resource.kind();
    List<JsonObject> items = new ArrayList<>();
    if (list.has("items") && list.get("items").isJsonArray()) {
      for (JsonElement item : list.getAsJsonArray("items")) {
        items.add(withTypeMeta(item.getAsJsonObject(), itemApiVersion, itemKind));
      }
    }
    JsonObject metadata = list.getAsJsonObject("metadata");
    String token = metadata == null ? null : stringOrNull(metadata, "continue");
    return new PagedListPage(items, token == null || token.isEmpty() ? null : token);
  }

  /** Returns the item with {@code apiVersion} and {@code kind} first, as Kubernetes writes them. */
  private static JsonObject withTypeMeta(JsonObject item, String apiVersion, String kind) {
    if (item.has("apiVersion") && item.has("kind")) {
      return item;
    }
    JsonObject complete = new JsonObject();
    complete.addProperty("apiVersion", apiVersion);
    complete.addProperty("kind", kind);
    item.entrySet().forEach(field -> complete.add(field.getKey(), field.getValue()));
    return complete;
  }

  private static String stringOrNull(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static String describe(KubernetesApiResponse<?> response) {
    V1Status status = response.getStatus();
    StringBuilder text = new StringBuilder("HTTP ").append(response.getHttpStatusCode());
    if (status != null && status.getReason() != null) {
      text.append(' ').append(status.getReason());
    }
    if (status != null && status.getMessage() != null) {
      text.append(": ").append(status.getMessage());
    }
    return text.toString();
  }
}
