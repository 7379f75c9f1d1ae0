package dev.tugboat.restore.capacity.snapshot;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.Objects;

/**
 * A pod of the target that waits for a node: no {@code spec.nodeName}, not finished, not being
 * deleted. It holds no room yet, but it is ahead of the migration's pods in the scheduler's queue,
 * so the planner places it first, as competing demand, and reports it.
 *
 * @param request its effective request ({@code pods=1} included)
 * @param eligibility its node selector, required node affinity and tolerations
 */
public record PendingPod(
    String namespace, String name, ResourceVector request, NodeEligibility eligibility) {

  public PendingPod {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(eligibility, "eligibility");
  }
}
