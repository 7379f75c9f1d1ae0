package dev.tugboat.samples.e2e;

import java.util.Set;

/**
 * The cluster-scoped types a namespace-scoped backup pulls in (its Namespace objects, the PV and
 * StorageClass of each PVC, each Pod's PriorityClass, the ClusterRoleBindings and ClusterRoles of
 * its ServiceAccounts, the CRD of each custom resource). {@code
 * BackupContentsTest.aNamespaceBackupBringsWhatItsObjectsNeed} checks them exactly; the filter
 * tests accept them beside what they select, and the related step's unit tests cover each rule.
 */
final class PulledInDependencies {

  /** The types of the objects the related step may add. */
  static final Set<String> TYPES =
      Set.of(
          "namespaces",
          "persistentvolumes",
          "storageclasses.storage.k8s.io",
          "priorityclasses.scheduling.k8s.io",
          "clusterrolebindings.rbac.authorization.k8s.io",
          "clusterroles.rbac.authorization.k8s.io",
          "customresourcedefinitions.apiextensions.k8s.io");

  private PulledInDependencies() {}

  /** Whether the related step may have added this item to a backup that did not select it. */
  static boolean mayBePulledIn(ItemKey key) {
    return key.namespace().isEmpty() && TYPES.contains(key.groupResource());
  }
}
