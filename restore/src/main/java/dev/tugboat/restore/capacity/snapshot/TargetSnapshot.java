package dev.tugboat.restore.capacity.snapshot;

import dev.tugboat.restore.capacity.demand.LimitRangeDefaults;
import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The target cluster as the capacity planner sees it, read once ({@link TargetSnapshotBuilder}).
 *
 * @param nodes the nodes that take new pods, by name, each with the requests of the pods bound to
 *     it as {@link SimNode#used()}
 * @param ineligibleNodes the others, by name, with the reason
 * @param quotas the ResourceQuotas of the target namespaces, by namespace
 * @param limitRanges the LimitRanges of the target namespaces, by namespace; a namespace without
 *     any is absent
 * @param pendingPods pods waiting for a node, by namespace and name
 */
public record TargetSnapshot(
    List<SimNode> nodes,
    List<IneligibleNode> ineligibleNodes,
    SortedMap<String, List<TargetQuota>> quotas,
    SortedMap<String, LimitRangeDefaults> limitRanges,
    List<PendingPod> pendingPods) {

  /** The application name of the pending pods' groups: they belong to none being moved. */
  public static final String PENDING_PODS = "pending pods";

  public TargetSnapshot {
    nodes = List.copyOf(nodes);
    ineligibleNodes = List.copyOf(ineligibleNodes);
    quotas = sortedCopy(quotas);
    limitRanges = sortedCopy(limitRanges);
    pendingPods = List.copyOf(pendingPods);
  }

  /** What admission applies to pods created in {@code namespace}. */
  public LimitRangeDefaults limitRangeIn(String namespace) {
    return limitRanges.getOrDefault(namespace, LimitRangeDefaults.NONE);
  }

  /** The quotas of {@code namespace} as one ({@link TargetQuota#combine}); empty when none. */
  public Optional<TargetQuota> quotaIn(String namespace) {
    return Optional.ofNullable(quotas.get(namespace)).map(TargetQuota::combine);
  }

  /**
   * The pending pods as the simulation places them: identical pods (same namespace, request and
   * placement rules) in one group of tier 0, in the order first seen, so that a thousand replicas
   * of a stuck Deployment cost one group, not a thousand.
   */
  public List<ReplicaGroup> pendingPodGroups() {
    Map<PendingShape, Integer> counts = new LinkedHashMap<>();
    for (PendingPod pod : pendingPods) {
      counts.merge(
          new PendingShape(pod.namespace(), pod.request(), pod.eligibility()), 1, Integer::sum);
    }
    List<ReplicaGroup> groups = new ArrayList<>();
    counts.forEach(
        (shape, count) ->
            groups.add(
                new ReplicaGroup(
                    PENDING_PODS,
                    shape.namespace(),
                    0,
                    count,
                    shape.request(),
                    shape.eligibility(),
                    ReplicaGroup.NO_PER_NODE_LIMIT)));
    return groups;
  }

  /** What makes pending pods interchangeable for the simulation. */
  private record PendingShape(
      String namespace, ResourceVector request, NodeEligibility eligibility) {}

  private static <V> SortedMap<String, V> sortedCopy(Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }
}
