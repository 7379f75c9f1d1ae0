package dev.tugboat.backup.related;

import java.util.Arrays;
import java.util.Optional;

/**
 * The types of the objects a backup pulls in, in the order they are staged: Velero's resource order
 * (the core group first, persistentvolumeclaims and persistentvolumes leading; then the other
 * groups by name). That order also puts each type after the types that lead to it: claims before
 * their volumes and storage classes, bindings before their roles.
 */
enum RelatedType {
  PERSISTENT_VOLUME_CLAIMS("", "persistentvolumeclaims"),
  PERSISTENT_VOLUMES("", "persistentvolumes"),
  NAMESPACES("", "namespaces"),
  CUSTOM_RESOURCE_DEFINITIONS("apiextensions.k8s.io", "customresourcedefinitions"),
  CLUSTER_ROLE_BINDINGS("rbac.authorization.k8s.io", "clusterrolebindings"),
  CLUSTER_ROLES("rbac.authorization.k8s.io", "clusterroles"),
  PRIORITY_CLASSES("scheduling.k8s.io", "priorityclasses"),
  STORAGE_CLASSES("storage.k8s.io", "storageclasses");

  private final String groupResource;

  RelatedType(String group, String plural) {
    this.groupResource = group.isEmpty() ? plural : plural + "." + group;
  }

  /** E.g. {@code clusterroles.rbac.authorization.k8s.io}. */
  String groupResource() {
    return groupResource;
  }

  static Optional<RelatedType> of(String groupResource) {
    return Arrays.stream(values())
        .filter(type -> type.groupResource.equals(groupResource))
        .findFirst();
  }
}
