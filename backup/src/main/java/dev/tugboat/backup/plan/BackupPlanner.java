package dev.tugboat.backup.plan;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.selection.Selection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a backup lists, with Velero's rules (discovery and collection):
 *
 * <ul>
 *   <li>a type is backed up only when the API allows list, create, get and delete on it: what
 *       cannot be listed cannot be read, and what cannot be created cannot be restored;
 *   <li>the selection's resource filter applies; {@code events} and {@code events.events.k8s.io}
 *       are left out unless the included resources name them, because events cannot be restored
 *       (Velero backs them up by default; users usually exclude them by hand);
 *   <li>of two {@linkplain Cohabitants cohabiting types} only the first is listed;
 *   <li>cluster-scoped types follow {@link IncludeClusterResources};
 *   <li>a namespaced type gets one cross-namespace LIST when every namespace is backed up, one LIST
 *       per backed-up namespace otherwise.
 * </ul>
 *
 * <p>The {@code namespaces} type gets no LIST: the job has listed the namespaces already, and the
 * plan names those whose objects to write, whatever {@link IncludeClusterResources} says (as
 * Velero's "include namespaces regardless of includeClusterResources", PR #182; recent Velero drops
 * them under {@code FALSE}, and restore then recreates bare namespaces without their labels). The
 * resource filter still applies: excluding {@code namespaces} writes none.
 *
 * <p>A pure function of its inputs: no cluster access, same inputs give the same plan.
 */
public final class BackupPlanner {

  private static final List<String> REQUIRED_VERBS = List.of("list", "create", "get", "delete");
  private static final Set<String> EVENTS = Set.of("events", "events.events.k8s.io");

  private final Selection selection;
  private final IncludeClusterResources clusterResources;
  private final BackedUpNamespaces namespaces;
  private final boolean resourcesNamedExplicitly;
  private final Cohabitants cohabitants = new Cohabitants();

  private BackupPlanner(
      Selection selection,
      BackedUpNamespaces namespaces,
      IncludeClusterResources clusterResources) {
    this.selection = selection;
    this.namespaces = namespaces;
    this.clusterResources = clusterResources;
    this.resourcesNamedExplicitly = !selection.includesEveryResourceType();
  }

  /**
   * @param catalog the types the cluster serves
   * @param selection what the user asked for; its label and name filters do not change the plan
   * @param existingNamespaces every namespace of the cluster; those labelled {@value
   *     ClusterNamespace#EXCLUDE_FROM_BACKUP_LABEL}{@code =true} or not Active are left out here,
   *     so the caller passes them all
   * @param clusterResources whether cluster-scoped types are backed up
   */
  public static BackupPlan plan(
      ResourceCatalog catalog,
      Selection selection,
      Collection<ClusterNamespace> existingNamespaces,
      IncludeClusterResources clusterResources) {
    BackedUpNamespaces namespaces = new BackedUpNamespaces(selection, existingNamespaces);
    return new BackupPlanner(selection, namespaces, clusterResources).plan(catalog);
  }

  private BackupPlan plan(ResourceCatalog catalog) {
    List<ListPartition> partitions = new ArrayList<>();
    List<String> namespaceObjects = List.of();
    List<Skipped> skipped = new ArrayList<>();
    List<ApiResource> ordered = catalog.resources().stream().sorted(ResourceOrder.VELERO).toList();
    for (ApiResource resource : ordered) {
      Optional<String> reason = reasonToSkip(resource);
      if (reason.isPresent()) {
        skipped.add(new Skipped(resource.groupResource(), reason.get()));
      } else if (isNamespaces(resource)) {
        namespaceObjects = namespaces.names();
      } else if (!resource.namespaced()) {
        partitions.add(ListPartition.cluster(resource));
      } else if (namespaces.all()) {
        partitions.add(ListPartition.allNamespaces(resource));
      } else {
        namespaces.names().forEach(name -> partitions.add(ListPartition.namespace(resource, name)));
      }
    }
    skipped.addAll(namespaces.skipped());
    return new BackupPlan(partitions, namespaceObjects, skipped);
  }

  private Optional<String> reasonToSkip(ApiResource resource) {
    List<String> missingVerbs =
        REQUIRED_VERBS.stream().filter(verb -> !resource.supports(verb)).toList();
    if (!missingVerbs.isEmpty()) {
      return Optional.of("the API does not allow " + String.join(", ", missingVerbs));
    }
    if (!selection.includesResource(resource)) {
      return Optional.of("excluded by the resource filter");
    }
    if (EVENTS.contains(resource.groupResource()) && !resourcesNamedExplicitly) {
      return Optional.of("excluded by default, events cannot be restored; include them by name");
    }
    if (!resource.namespaced() && !isNamespaces(resource)) {
      Optional<String> clusterReason = reasonToSkipClusterScoped();
      if (clusterReason.isPresent()) {
        return clusterReason;
      }
    }
    return cohabitants
        .twinAlreadyKept(resource)
        .map(twin -> "the same objects as " + twin + ", which is backed up");
  }

  private Optional<String> reasonToSkipClusterScoped() {
    return switch (clusterResources) {
      case TRUE -> Optional.empty();
      case FALSE -> Optional.of("cluster-scoped, and cluster resources are excluded");
      case AUTO ->
          namespaces.all()
              ? Optional.empty()
              : Optional.of(
                  "cluster-scoped, and not every namespace is backed up (cluster resources: auto)");
    };
  }

  private static boolean isNamespaces(ApiResource resource) {
    return resource.group().isEmpty() && resource.plural().equals("namespaces");
  }
}
