package dev.tugboat.restore.capacity.snapshot;

import java.util.Objects;

/**
 * A target node that takes no new pods, kept for the report.
 *
 * @param reason e.g. {@code not Ready (Ready condition is False)} or {@code cordoned
 *     (spec.unschedulable)}; both, joined by {@code "; "}, when both hold
 */
public record IneligibleNode(String name, String reason) {

  public IneligibleNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
