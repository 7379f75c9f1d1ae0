package dev.tugboat.samples.sandbox;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.samples.sandbox.cluster.ResourceCatalog;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's {@link ResourceTypes} as the simulated cluster's quota admission names them. Reads
 * the types on every call, so resources of custom resource definitions created later count too.
 */
final class ResourceTypeCatalog implements ResourceCatalog {

  private static final Set<String> VERBS = Set.copyOf(ResourceType.VERBS);

  private final ResourceTypes types;

  ResourceTypeCatalog(ResourceTypes types) {
    this.types = types;
  }

  @Override
  public Optional<ApiResource> byKind(String apiVersion, String kind) {
    return types.findByKind(apiVersion, kind).map(ResourceTypeCatalog::toApiResource);
  }

  @Override
  public Optional<ApiResource> byGroupResource(String groupResource) {
    return types.byGroupResource(groupResource).map(ResourceTypeCatalog::toApiResource);
  }

  /** All versions of a type share one storage, so any version serves as the preferred one. */
  private static ApiResource toApiResource(ResourceType type) {
    return new ApiResource(
        type.group(),
        type.version(),
        type.plural(),
        type.kind(),
        type.namespaced(),
        VERBS,
        type.shortNames(),
        type.version());
  }
}
