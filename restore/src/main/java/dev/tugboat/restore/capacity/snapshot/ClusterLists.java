package dev.tugboat.restore.capacity.snapshot;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.PagedListReader;
import io.kubernetes.client.openapi.ApiClient;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads every object of a type, 500 a page, handing each on as it arrives. The pages of one listing
 * come from one snapshot of the API server (the continue token pins its resource version), so each
 * type is read consistently; only when a token expires mid-way does {@link PagedListReader} list
 * again from a newer snapshot.
 */
public final class ClusterLists {

  static final int PAGE_SIZE = 500;

  static final ApiResource NODES = core("nodes", "Node", false);
  static final ApiResource PODS = core("pods", "Pod", true);
  static final ApiResource RESOURCE_QUOTAS = core("resourcequotas", "ResourceQuota", true);
  static final ApiResource LIMIT_RANGES = core("limitranges", "LimitRange", true);

  private ClusterLists() {}

  /**
   * @param namespace {@code null} for all namespaces, or a cluster-scoped type
   */
  public static void each(
      ApiClient api, ApiResource resource, String namespace, Consumer<JsonObject> consumer) {
    String name = resource.groupResource() + (namespace == null ? "" : "@" + namespace);
    PagedListReader reader =
        PagedListReader.builder(name, api, resource)
            .namespace(namespace)
            .pageSize(PAGE_SIZE)
            .build();
    reader.open(new ExecutionContext());
    try {
      for (JsonObject item = reader.read(); item != null; item = reader.read()) {
        consumer.accept(item);
      }
    } finally {
      reader.close();
    }
  }

  private static ApiResource core(String plural, String kind, boolean namespaced) {
    return new ApiResource("", "v1", plural, kind, namespaced, Set.of("list"), List.of(), "v1");
  }
}
