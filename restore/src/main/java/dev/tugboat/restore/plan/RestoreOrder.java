package dev.tugboat.restore.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order in which a restore applies the resource types of a backup: Velero's default restore
 * priorities (velero.md §3.1 and §3.2, Velero v1.18 {@code pkg/cmd/server/config/config.go} {@code
 * defaultRestorePriorities} and {@code pkg/restore/restore.go getOrderedResources}).
 *
 * <p>The order is a list of tiers, one group resource each: the items of one tier may be applied in
 * parallel, and a tier starts when the previous one is done. It is
 *
 * <ol>
 *   <li>{@value #CUSTOM_RESOURCE_DEFINITIONS}, its own tier: the restore waits until each restored
 *       CRD is Established before it goes on, since the later tiers may hold its custom resources;
 *   <li>the rest of Velero's high-priority list, in its order;
 *   <li>every other type of the backup, alphabetically by group resource;
 *   <li>Velero's low-priority list, in its order.
 * </ol>
 *
 * Types of the lists that the backup does not hold are left out. The order says nothing about
 * whether a type is restored at all: {@link RestoreSkips} decides that.
 */
public final class RestoreOrder {

  /** The group resource of CustomResourceDefinitions, the first tier when the backup has any. */
  public static final String CUSTOM_RESOURCE_DEFINITIONS =
      "customresourcedefinitions.apiextensions.k8s.io";

  /**
   * Velero's high-priority list in its order, each name as Velero's discovery resolves it. Velero
   * writes the built-in types without their group ({@code clusterroles}) and resolves them through
   * the target cluster's discovery, where the core group and then Kubernetes' own groups come
   * first; every cluster serves these types, so they always resolve to the groups written here. A
   * backup's {@code clusterroles.example.com} is therefore not a high-priority type.
   */
  static final List<String> HIGH_PRIORITIES =
      List.of(
          CUSTOM_RESOURCE_DEFINITIONS, // Velero: customresourcedefinitions
          "namespaces",
          "storageclasses.storage.k8s.io", // Velero: storageclasses
          // Velero writes the singular volumesnapshotclass; discovery accepts a kind's singular.
          "volumesnapshotclasses.snapshot.storage.k8s.io",
          "volumesnapshotcontents.snapshot.storage.k8s.io",
          "volumesnapshots.snapshot.storage.k8s.io",
          "datauploads.velero.io",
          "persistentvolumes",
          "persistentvolumeclaims",
          "clusterroles.rbac.authorization.k8s.io", // Velero: clusterroles
          "roles.rbac.authorization.k8s.io", // Velero: roles
          "serviceaccounts",
          "clusterrolebindings.rbac.authorization.k8s.io", // Velero: clusterrolebindings
          "rolebindings.rbac.authorization.k8s.io", // Velero: rolebindings
          "secrets",
          "configmaps",
          "limitranges",
          "priorityclasses.scheduling.k8s.io", // Velero: priorityclasses
          "pods",
          "replicasets.apps",
          "clusterclasses.cluster.x-k8s.io",
          "endpoints",
          "services");

  /** Velero's low-priority list in its order: restored after every other type. */
  static final List<String> LOW_PRIORITIES =
      List.of(
          "clusterbootstraps.run.tanzu.vmware.com",
          "clusters.cluster.x-k8s.io",
          "clusterresourcesets.addons.cluster.x-k8s.io",
          "apps.kappctrl.k14s.io",
          "packageinstalls.packaging.carvel.dev");

  private RestoreOrder() {}

  /**
   * Orders the resource types of a backup.
   *
   * @param groupResources the backup's group resources as its folders name them ({@code pods},
   *     {@code deployments.apps}); duplicates count once
   * @return each of them once, in restore order: one tier per group resource
   */
  public static List<String> order(Collection<String> groupResources) {
    Set<String> others = new TreeSet<>(groupResources);
    List<String> order = new ArrayList<>(others.size());
    for (String high : HIGH_PRIORITIES) {
      if (others.remove(high)) {
        order.add(high);
      }
    }
    List<String> last = new ArrayList<>();
    for (String low : LOW_PRIORITIES) {
      if (others.remove(low)) {
        last.add(low);
      }
    }
    order.addAll(others);
    order.addAll(last);
    return List.copyOf(order);
  }
}
