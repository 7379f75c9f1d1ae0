package dev.tugboat.restore.capacity.model;

import java.util.Optional;

/**
 * Whether a replica may run on a node at all, whatever room the node has: node selector, required
 * node affinity, taints and tolerations. Stateless, so one rule serves every replica of a workload.
 */
@FunctionalInterface
public interface NodeEligibility {

  /** Every node. */
  NodeEligibility ANY = node -> Optional.empty();

  /**
   * @return why the node is not eligible, e.g. {@code taint dedicated=gpu:NoSchedule not
   *     tolerated}; empty when it is
   */
  Optional<String> refusal(NodeShape node);

  /**
   * Whether the node is eligible: the same answer as {@code refusal(node).isEmpty()}, which a rule
   * may give without wording a refusal nobody reads.
   */
  default boolean admits(NodeShape node) {
    return refusal(node).isEmpty();
  }

  /**
   * The part of the node this rule reads: nodes with equal keys get the same answer, so a planner
   * asks once per key instead of once per node. By default the whole shape, which is always safe.
   */
  default Object answerKey(NodeShape node) {
    return node;
  }
}
