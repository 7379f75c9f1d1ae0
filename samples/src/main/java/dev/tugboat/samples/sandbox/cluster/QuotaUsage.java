package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What objects use of a ResourceQuota, in quota's resource names: {@code count/<resource>} for
 * every object, the older object counts ({@code pods}, {@code services}, {@code secrets}, {@code
 * configmaps}, {@code persistentvolumeclaims}...), a pod's compute resources ({@code requests.cpu},
 * {@code cpu}, {@code limits.memory}...) and a claim's {@code requests.storage}. Pods that have
 * finished use no compute resources and no {@code pods}, but still count in {@code count/pods}, as
 * in Kubernetes.
 */
final class QuotaUsage {

  /** Core resources that quota also counts under their bare plural. */
  private static final Set<String> COUNTED_BY_PLURAL =
      Set.of(
          "pods",
          "services",
          "secrets",
          "configmaps",
          "persistentvolumeclaims",
          "replicationcontrollers",
          "resourcequotas");

  /** Resources a pod's request is also counted under without the {@code requests.} prefix. */
  private static final Set<String> BARE_REQUEST_NAMES =
      Set.of("cpu", "memory", "ephemeral-storage");

  /** Resources quota counts pod limits of. */
  private static final Set<String> LIMITED_NAMES = Set.of("cpu", "memory", "ephemeral-storage");

  private final ResourceCatalog catalog;

  QuotaUsage(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The group-resource whose objects a quota resource name counts, e.g. {@code pods} for {@code
   * requests.cpu}, {@code deployments.apps} for {@code count/deployments.apps}; null for names this
   * sandbox does not track (per-StorageClass storage, for one).
   */
  static String countedResource(String quotaName) {
    if (quotaName.startsWith("count/")) {
      return quotaName.substring("count/".length());
    }
    if (COUNTED_BY_PLURAL.contains(quotaName)) {
      return quotaName;
    }
    if (quotaName.equals("requests.storage")) {
      return "persistentvolumeclaims";
    }
    if (BARE_REQUEST_NAMES.contains(quotaName)
        || quotaName.startsWith("hugepages-")
        || quotaName.startsWith("requests.")
        || quotaName.startsWith("limits.")) {
      return "pods";
    }
    return null;
  }

  /** One object's usage. */
  static ResourceList of(JsonObject object, ApiResource resource) {
    String groupResource = resource.groupResource();
    ResourceList usage = ResourceList.of("count/" + groupResource, "1");
    if (groupResource.equals("pods")) {
      return Pods.isTerminal(object) ? usage : usage.plus(podCompute(object));
    }
    if (COUNTED_BY_PLURAL.contains(groupResource)) {
      usage = usage.plus(ResourceList.of(groupResource, "1"));
    }
    if (groupResource.equals("persistentvolumeclaims")) {
      ResourceList requests =
          ResourceList.parse(JsonFields.object(object, "spec", "resources", "requests"));
      if (requests.has("storage")) {
        usage = usage.plus(ResourceList.of("requests.storage", requests.format("storage")));
      }
    }
    return usage;
  }

  /**
   * Kubernetes' {@code podComputeUsageHelper}: a running pod's usage, from its requests and limits.
   */
  static ResourceList podCompute(JsonObject pod) {
    return computeNames(PodRequests.requests(pod), PodRequests.limits(pod))
        .plus(ResourceList.of("pods", "1"));
  }

  /** The compute usage names of these requests and limits (also used for single containers). */
  static ResourceList computeNames(ResourceList requests, ResourceList limits) {
    ResourceList usage = ResourceList.empty();
    for (String resource : requests.names()) {
      ResourceList amount = requests.only(List.of(resource));
      usage = usage.plus(renamed(amount, resource, "requests." + resource));
      if (BARE_REQUEST_NAMES.contains(resource) || resource.startsWith("hugepages-")) {
        usage = usage.plus(amount);
      }
    }
    for (String resource : limits.names()) {
      if (LIMITED_NAMES.contains(resource)) {
        usage = usage.plus(renamed(limits.only(List.of(resource)), resource, "limits." + resource));
      }
    }
    return usage;
  }

  /**
   * The namespace's usage of these quota names, zero for names nothing uses, as {@code status.used}
   * shows them.
   */
  ResourceList inNamespace(ClusterState state, String namespace, Collection<String> names) {
    ResourceList usage = ResourceList.empty();
    for (String name : names) {
      usage = usage.plus(ResourceList.of(name, "0"));
    }
    Set<String> counted = new TreeSet<>();
    for (String name : names) {
      String groupResource = countedResource(name);
      if (groupResource != null) {
        counted.add(groupResource);
      }
    }
    for (String groupResource : counted) {
      ApiResource resource = catalog.byGroupResource(groupResource).orElse(null);
      if (resource == null) {
        continue;
      }
      for (JsonObject object : state.list(resource.apiVersion(), resource.kind(), namespace)) {
        usage = usage.plus(of(object, resource).only(names));
      }
    }
    return usage;
  }

  private static ResourceList renamed(ResourceList single, String from, String to) {
    return ResourceList.of(to, single.format(from));
  }
}
