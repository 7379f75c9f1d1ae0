package dev.tugboat.backup.related;

import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.selection.Selection;
import java.util.Optional;

/**
 * Which related types the backup may pull in, with Velero's rule for additional items: a type is
 * left out only when an exclude pattern names it, or when it is cluster-scoped and cluster
 * resources are excluded ({@link IncludeClusterResources#FALSE}). Not being in the include list,
 * and the label and name filters, do not keep a related object out. A type the cluster does not
 * serve is left out too.
 */
final class RelatedTypes {

  private final ResourceCatalog catalog;
  private final Selection selection;
  private final IncludeClusterResources clusterResources;

  RelatedTypes(
      ResourceCatalog catalog, Selection selection, IncludeClusterResources clusterResources) {
    this.catalog = catalog;
    this.selection = selection;
    this.clusterResources = clusterResources;
  }

  /** The type as the cluster serves it, whether or not the backup may pull in objects of it. */
  Optional<ApiResource> served(RelatedType type) {
    return catalog.forGroupResource(type.groupResource());
  }

  /** The type as the cluster serves it, when the backup may pull in objects of it. */
  Optional<ApiResource> allowed(RelatedType type) {
    return served(type)
        .filter(resource -> !selection.excludesResource(resource))
        .filter(resource -> !isExcludedClusterScoped(type, resource));
  }

  private boolean isExcludedClusterScoped(RelatedType type, ApiResource resource) {
    // Namespace objects follow the plan, which writes them whatever the cluster resources setting.
    return !resource.namespaced()
        && type != RelatedType.NAMESPACES
        && clusterResources == IncludeClusterResources.FALSE;
  }
}
