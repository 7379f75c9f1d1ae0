package dev.tugboat.restore.capacity.planner;

import java.util.List;
import java.util.Objects;

/**
 * One step down the ladder, after which the planner simulated again.
 *
 * @param tier the tier stepped down
 * @param rung the ratio applied ({@code 0.75}), {@code floor}, or {@code deferred}
 * @param changes the applications whose planned replicas changed, in application order
 */
public record LadderStep(int tier, String rung, List<ReplicaChange> changes) {

  public LadderStep {
    Objects.requireNonNull(rung, "rung");
    changes = List.copyOf(changes);
  }
}
