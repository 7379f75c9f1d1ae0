package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.PagedListReader;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.transform.ExistingServiceAccounts;
import io.kubernetes.client.openapi.ApiClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The ServiceAccounts of the target cluster, listed once per namespace when first asked. Only the
 * Secret action asks, and Secrets are restored after ServiceAccounts (velero.md 3.2), so the lists
 * include the restored ones.
 */
final class TargetServiceAccounts implements ExistingServiceAccounts {

  private static final ApiResource SERVICE_ACCOUNTS =
      new ApiResource(
          "", "v1", "serviceaccounts", "ServiceAccount", true, Set.of("list"), List.of(), "v1");

  private final ApiClient api;
  private final Map<String, Set<String>> namesByNamespace = new ConcurrentHashMap<>();

  TargetServiceAccounts(ApiClient api) {
    this.api = api;
  }

  @Override
  public Set<String> namesIn(String namespace) {
    return namesByNamespace.computeIfAbsent(namespace, this::list);
  }

  private Set<String> list(String namespace) {
    PagedListReader reader =
        PagedListReader.builder("serviceaccounts@" + namespace, api, SERVICE_ACCOUNTS)
            .namespace(namespace)
            .build();
    Set<String> names = new HashSet<>();
    reader.open(new ExecutionContext());
    try {
      for (JsonObject account = reader.read(); account != null; account = reader.read()) {
        JsonPaths.string(account, "metadata", "name").ifPresent(names::add);
      }
    } finally {
      reader.close();
    }
    return Set.copyOf(names);
  }
}
