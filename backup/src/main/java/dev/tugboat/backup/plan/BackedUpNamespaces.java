package dev.tugboat.backup.plan;

import dev.tugboat.core.selection.Selection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The namespaces a backup covers: those the selection includes, minus those labelled {@value
 * ClusterNamespace#EXCLUDE_FROM_BACKUP_LABEL}{@code =true} (Velero adds them to the excluded
 * namespaces) and those not Active (Velero tracks only Active ones).
 */
final class BackedUpNamespaces {

  private final List<String> names = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final boolean all;

  BackedUpNamespaces(Selection selection, Collection<ClusterNamespace> existing) {
    boolean anyExcludedByLabel = false;
    List<ClusterNamespace> sorted =
        existing.stream().sorted(Comparator.comparing(ClusterNamespace::name)).toList();
    for (ClusterNamespace namespace : sorted) {
      if (!selection.includesNamespace(namespace.name())) {
        continue;
      }
      if (namespace.isExcludedFromBackup()) {
        anyExcludedByLabel = true;
        skip(namespace, "labelled " + ClusterNamespace.EXCLUDE_FROM_BACKUP_LABEL + "=true");
      } else if (!namespace.isActive()) {
        skip(namespace, "not Active (phase " + namespace.phase() + ")");
      } else {
        names.add(namespace.name());
      }
    }
    // A namespace excluded by label makes the backup partial, as an excluded namespace does in
    // Velero: its objects must stay out of the LISTs, and AUTO then leaves cluster types out. A
    // Terminating namespace does not: Velero still lists across it, its objects are being deleted.
    this.all = selection.includesAllNamespaces() && !anyExcludedByLabel;
  }

  /** Whether every namespace is backed up, so that one cross-namespace LIST serves each type. */
  boolean all() {
    return all;
  }

  /** The namespaces backed up, sorted. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** The namespaces the selection includes but the backup leaves out, with the reason. */
  List<Skipped> skipped() {
    return List.copyOf(skipped);
  }

  private void skip(ClusterNamespace namespace, String reason) {
    skipped.add(new Skipped("namespace " + namespace.name(), reason));
  }
}
