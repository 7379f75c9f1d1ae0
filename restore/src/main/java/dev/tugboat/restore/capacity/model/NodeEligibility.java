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
}
