package dev.tugboat.samples.sandbox.cluster;

import dev.tugboat.core.cluster.ApiResource;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types the sandbox serves, as quota needs them: quota names resources the way URLs do
 * ({@code count/deployments.apps}), while {@link dev.tugboat.samples.sandbox.ClusterState} lists
 * objects by kind.
 */
public interface ResourceCatalog {

  /** The resource of a kind, e.g. {@code apps/v1 Deployment}: {@code deployments.apps}. */
  Optional<ApiResource> byKind(String apiVersion, String kind);

  /** The resource of a group-resource name, e.g. {@code deployments.apps}, {@code configmaps}. */
  Optional<ApiResource> byGroupResource(String groupResource);

  /** A fixed catalog of these resources; a kind served in several versions matches any of them. */
  static ResourceCatalog of(Collection<ApiResource> resources) {
    Map<String, ApiResource> byGroupKind = new HashMap<>();
    Map<String, ApiResource> byGroupResource = new HashMap<>();
    for (ApiResource resource : resources) {
      byGroupKind.putIfAbsent(resource.group() + "/" + resource.kind(), resource);
      byGroupResource.putIfAbsent(resource.groupResource(), resource);
    }
    return new ResourceCatalog() {
      @Override
      public Optional<ApiResource> byKind(String apiVersion, String kind) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return Optional.ofNullable(byGroupKind.get(group + "/" + kind));
      }

      @Override
      public Optional<ApiResource> byGroupResource(String groupResource) {
        return Optional.ofNullable(byGroupResource.get(groupResource));
      }
    };
  }
}
