package dev.tugboat.restore.transform;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a restore's settings and the state it depends on tell the {@link ItemTransformer}.
 *
 * @param backupName the backup being restored, for the {@code velero.io/backup-name} label
 * @param restoreName this restore, for the {@code velero.io/restore-name} label
 * @param namespaceMapping source namespace to target namespace (velero.md 3.7); namespaces not in
 *     it keep their name
 * @param restoreStatusResources the group resources ({@code deployments.apps}) whose status is
 *     written back after the create, already resolved from the user's include/exclude patterns
 *     (velero.md 3.3); the per-object annotation {@code velero.io/restore-status} overrides it
 * @param preserveNodePorts keep every Service node port, even the ones the cluster assigned
 *     (velero.md 3.4, Service)
 * @param existingServiceAccounts the ServiceAccounts of the target cluster, to tell whether a
 *     ServiceAccount token Secret will be recreated by Kubernetes (velero.md 3.4, Secret)
 * @param volumes how each PersistentVolume's data was backed up (velero.md 3.5)
 */
public record RestoreContext(
    String backupName,
    String restoreName,
    Map<String, String> namespaceMapping,
    Set<String> restoreStatusResources,
    boolean preserveNodePorts,
    ExistingServiceAccounts existingServiceAccounts,
    VolumePlan volumes) {

  public RestoreContext {
    Objects.requireNonNull(backupName, "backupName");
    Objects.requireNonNull(restoreName, "restoreName");
    namespaceMapping = Map.copyOf(namespaceMapping);
    restoreStatusResources = Set.copyOf(restoreStatusResources);
    Objects.requireNonNull(existingServiceAccounts, "existingServiceAccounts");
    Objects.requireNonNull(volumes, "volumes");
  }

  /** The namespace an object of {@code sourceNamespace} is restored into. */
  public String targetNamespace(String sourceNamespace) {
    return namespaceMapping.getOrDefault(sourceNamespace, sourceNamespace);
  }
}
