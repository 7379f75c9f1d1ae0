package dev.tugboat.restore.capacity.demand;

import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Map;
import java.util.Objects;

/**
 * One application workload being moved, as demand on the target: how many replicas, what one
 * replica requests, where a replica may run, and how many may share a node.
 *
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code ReplicaSet}, {@code DaemonSet},
 *     {@code Job} or {@code Pod}
 * @param replicas in the source
 * @param podRequest the effective request of one replica ({@link EffectivePodRequest})
 * @param maxPerNode 1 when replicas collide on a node, else {@link #UNLIMITED_PER_NODE}
 * @param templateLabels the pod template's labels, which selectors of plans and budgets match
 */
public record Workload(
    String kind,
    String namespace,
    String name,
    Replicas replicas,
    ResourceVector podRequest,
    PlacementRules placement,
    int maxPerNode,
    Map<String, String> templateLabels) {

  /** No limit on replicas per node other than the node's room. */
  public static final int UNLIMITED_PER_NODE = Integer.MAX_VALUE;

  public Workload {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(podRequest, "podRequest");
    Objects.requireNonNull(placement, "placement");
    templateLabels = Map.copyOf(templateLabels);
  }

  /** E.g. {@code Deployment shop/web}. */
  public String describe() {
    return kind + " " + namespace + "/" + name;
  }
}
