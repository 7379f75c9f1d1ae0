package dev.tugboat.backup.plan;

/**
 * Velero's {@code includeClusterResources}: whether cluster-scoped resource types are backed up.
 * Namespace objects are not governed by it (see {@link BackupPlan#namespaceObjects()}).
 */
public enum IncludeClusterResources {
  /**
   * Velero's unset value: cluster-scoped types are backed up only when every namespace is. A backup
   * of some namespaces then holds no cluster-scoped objects of its own.
   */
  AUTO,
  /** Every selected cluster-scoped type, whatever the namespaces. */
  TRUE,
  /** No cluster-scoped type. */
  FALSE
}
