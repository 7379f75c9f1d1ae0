package dev.tugboat.backup.plan;

import java.util.Map;

/**
 * A namespace that exists in the cluster, as the backup job's namespace LIST returned it.
 *
 * @param name the namespace's name
 * @param labels its labels
 * @param phase {@code status.phase}: {@code Active} or {@code Terminating}
 */
public record ClusterNamespace(String name, Map<String, String> labels, String phase) {

  /** The label with which a namespace opts out of every backup, as in Velero. */
  public static final String EXCLUDE_FROM_BACKUP_LABEL = "velero.io/exclude-from-backup";

  public ClusterNamespace {
    labels = Map.copyOf(labels);
  }

  /** An Active namespace without labels. */
  public static ClusterNamespace active(String name) {
    return new ClusterNamespace(name, Map.of(), "Active");
  }

  public boolean isActive() {
    return "Active".equals(phase);
  }

  public boolean isExcludedFromBackup() {
    return "true".equals(labels.get(EXCLUDE_FROM_BACKUP_LABEL));
  }
}
