package dev.tugboat.backup.plan;

import dev.tugboat.core.cluster.ApiResource;
import java.util.Comparator;
import java.util.List;

/**
 * Velero's order of resource types in a backup: the core group first, led by pods,
 * persistentvolumeclaims and persistentvolumes (so a pod's volumes follow it closely); then the
 * other groups by name, {@code extensions} last. Putting {@code extensions} last is also what makes
 * {@code apps} and {@code networking.k8s.io} win over their {@code extensions} twins.
 */
final class ResourceOrder {

  static final Comparator<ApiResource> VELERO =
      Comparator.comparingInt(ResourceOrder::groupRank)
          .thenComparing(ApiResource::group)
          .thenComparingInt(ResourceOrder::leadingCoreRank)
          .thenComparing(ApiResource::plural);

  private static final List<String> LEADING_CORE_TYPES =
      List.of("pods", "persistentvolumeclaims", "persistentvolumes");

  private ResourceOrder() {}

  private static int groupRank(ApiResource resource) {
    if (resource.group().isEmpty()) {
      return 0;
    }
    return resource.group().equals("extensions") ? 2 : 1;
  }

  private static int leadingCoreRank(ApiResource resource) {
    int index = resource.group().isEmpty() ? LEADING_CORE_TYPES.indexOf(resource.plural()) : -1;
    return index < 0 ? LEADING_CORE_TYPES.size() : index;
  }
}
