package dev.tugboat.restore.capacity.snapshot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The source objects the demand is computed from, by source namespace: the workloads that run pods
 * of their own (Deployments, StatefulSets, ReplicaSets and Pods without a controller, DaemonSets,
 * Jobs that still run), the HorizontalPodAutoscalers and the PodDisruptionBudgets. Read from a live
 * cluster or from a backup; nothing else of the source is kept (see {@link SourceObjectCollector}).
 * The JSON objects are shared, not copied: callers must not modify them.
 */
public final class SourceObjects {

  /** The group resources whose objects may be workloads, as {@code WorkloadReader} reads them. */
  public static final List<String> WORKLOAD_TYPES =
      List.of(
          "deployments.apps",
          "statefulsets.apps",
          "replicasets.apps",
          "daemonsets.apps",
          "jobs.batch",
          "pods");

  public static final String AUTOSCALERS = "horizontalpodautoscalers.autoscaling";
  public static final String DISRUPTION_BUDGETS = "poddisruptionbudgets.policy";

  /** Every group resource read, workloads first. */
  public static final List<String> TYPES =
      Stream.concat(WORKLOAD_TYPES.stream(), Stream.of(AUTOSCALERS, DISRUPTION_BUDGETS)).toList();

  private final SortedMap<String, List<JsonObject>> workloads;
  private final SortedMap<String, List<JsonObject>> autoscalers;
  private final SortedMap<String, List<JsonObject>> disruptionBudgets;

  SourceObjects(
      Map<String, List<JsonObject>> workloads,
      Map<String, List<JsonObject>> autoscalers,
      Map<String, List<JsonObject>> disruptionBudgets) {
    this.workloads = frozen(workloads);
    this.autoscalers = frozen(autoscalers);
    this.disruptionBudgets = frozen(disruptionBudgets);
  }

  /**
   * Lists the types the cluster serves (found by discovery; a type it does not serve, such as
   * {@code policy} on a very old cluster, is skipped) and the plan does not exclude.
   *
   * @param namespaces the source namespaces to read, each listed on its own; empty for all
   *     namespaces in one listing per type
   * @param excluded the plan's excluded resources: those types are not listed ({@link
   *     ExcludedTypes})
   * @throws dev.tugboat.core.cluster.DiscoveryException when the cluster's API cannot be discovered
   * @throws dev.tugboat.core.cluster.ListRequestException naming the listing that failed
   */
  public static SourceObjects fromCluster(
      ApiClient api, Set<String> namespaces, List<ResourcePattern> excluded) {
    ResourceCatalog catalog = new ResourceDiscovery(api).discover();
    SourceObjectCollector collector = new SourceObjectCollector();
    for (String groupResource : readTypes(excluded)) {
      Optional<ApiResource> resource =
          catalog.forGroupResource(groupResource).filter(type -> type.supports("list"));
      if (resource.isEmpty()) {
        continue;
      }
      if (namespaces.isEmpty()) {
        ClusterLists.each(
            api, resource.get(), null, object -> collector.add(groupResource, object));
      }
      for (String namespace : new TreeSet<>(namespaces)) {
        ClusterLists.each(
            api, resource.get(), namespace, object -> collector.add(groupResource, object));
      }
    }
    return collector.build();
  }

  /**
   * Reads the types the backup holds and the plan does not exclude.
   *
   * @param namespaces the source namespaces to read; empty for all of them
   * @param excluded the plan's excluded resources: those types are not read ({@link ExcludedTypes})
   * @throws IOException when the spool cannot be read back
   */
  public static SourceObjects fromBackup(
      SpooledBackup backup, Set<String> namespaces, List<ResourcePattern> excluded)
      throws IOException {
    SourceObjectCollector collector = new SourceObjectCollector();
    for (String groupResource : readTypes(excluded)) {
      if (!backup.groupResources().containsKey(groupResource)) {
        continue;
      }
      backup.read(
          groupResource,
          item -> {
            if (namespaces.isEmpty() || namespaces.contains(item.namespace())) {
              String json = new String(item.json(), StandardCharsets.UTF_8);
              collector.add(groupResource, JsonParser.parseString(json).getAsJsonObject());
            }
          });
    }
    return collector.build();
  }

  /** {@link #TYPES} but those the patterns exclude. */
  private static List<String> readTypes(List<ResourcePattern> excluded) {
    ExcludedTypes excludedTypes = new ExcludedTypes(excluded);
    return TYPES.stream().filter(type -> !excludedTypes.excludes(type)).toList();
  }

  /** The source namespaces holding any of the objects, sorted. */
  public SortedSet<String> namespaces() {
    SortedSet<String> namespaces = new TreeSet<>(workloads.keySet());
    namespaces.addAll(autoscalers.keySet());
    namespaces.addAll(disruptionBudgets.keySet());
    return Collections.unmodifiableSortedSet(namespaces);
  }

  /** The workloads, by namespace, in the order read (types in {@link #WORKLOAD_TYPES} order). */
  public SortedMap<String, List<JsonObject>> workloads() {
    return workloads;
  }

  /** The HorizontalPodAutoscalers, by namespace. */
  public SortedMap<String, List<JsonObject>> autoscalers() {
    return autoscalers;
  }

  /** The PodDisruptionBudgets, by namespace. */
  public SortedMap<String, List<JsonObject>> disruptionBudgets() {
    return disruptionBudgets;
  }

  private static SortedMap<String, List<JsonObject>> frozen(Map<String, List<JsonObject>> byNs) {
    SortedMap<String, List<JsonObject>> copy = new TreeMap<>();
    byNs.forEach((namespace, objects) -> copy.put(namespace, List.copyOf(objects)));
    return Collections.unmodifiableSortedMap(copy);
  }
}
