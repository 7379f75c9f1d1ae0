package dev.tugboat.core.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types a cluster serves, one per group and plural, each in the version Tugboat uses
 * for it; plus the group versions discovery could not read.
 */
public final class ResourceCatalog {

  private static final Comparator<ApiResource> CORE_FIRST_THEN_GROUP_THEN_PLURAL =
      Comparator.comparing(ApiResource::group).thenComparing(ApiResource::plural);

  private final Map<String, ApiResource> byGroupResource = new LinkedHashMap<>();
  private final List<DiscoveryFailure> failures;

  /**
   * @throws IllegalArgumentException when two resources share group and plural
   */
  public ResourceCatalog(Collection<ApiResource> resources, List<DiscoveryFailure> failures) {
    resources.stream()
        .sorted(CORE_FIRST_THEN_GROUP_THEN_PLURAL)
        .forEach(
            resource -> {
              if (byGroupResource.putIfAbsent(resource.groupResource(), resource) != null) {
                throw new IllegalArgumentException(
                    "Resource " + resource.groupResource() + " is listed twice");
              }
            });
    this.failures = List.copyOf(failures);
  }

  /** All resources: the core group first, then by group, then by plural. */
  public List<ApiResource> resources() {
    return List.copyOf(byGroupResource.values());
  }

  /**
   * @param group the API group, empty for the core group
   * @param plural e.g. {@code deployments}
   */
  public Optional<ApiResource> find(String group, String plural) {
    return forGroupResource(group.isEmpty() ? plural : plural + "." + group);
  }

  /**
   * @param groupResource {@code plural.group}, or just {@code plural} for the core group, e.g.
   *     {@code deployments.apps}; the form of {@link ApiResource#groupResource()}
   */
  public Optional<ApiResource> forGroupResource(String groupResource) {
    return Optional.ofNullable(byGroupResource.get(groupResource));
  }

  /**
   * @param group the group of an object's {@code apiVersion}, empty for the core group
   * @param kind e.g. {@code Deployment}
   */
  public Optional<ApiResource> forKind(String group, String kind) {
    return byGroupResource.values().stream()
        .filter(resource -> resource.group().equals(group) && resource.kind().equals(kind))
        .findFirst();
  }

  /** Group versions that could not be read; empty when discovery was complete. */
  public List<DiscoveryFailure> failures() {
    return failures;
  }
}
