package dev.tugboat.restore.capacity.plan;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One application of a plan: the unit that is migrated, degraded and reported.
 *
 * @param name its name, a DNS label unique in the plan (the {@code tugboat.dev/app} label)
 * @param tier 0 core (migrated first, never degraded unless the plan allows it), 1 important, 2
 *     degradable, 3 sheddable (may go to 0 replicas)
 * @param selector its objects
 * @param minReplicas the floor the ladder never goes below; empty to derive it from the
 *     application's HPA, PDB or 1 (issue 6); 0 only for tier 3
 * @param priority which application claims an object two selectors match: the higher wins, as with
 *     Karmada's PropagationPolicy priority
 */
public record PlanApplication(
    String name, int tier, ApplicationSelector selector, OptionalInt minReplicas, int priority) {

  /** The tier when the plan gives none: degradable. */
  public static final int DEFAULT_TIER = 2;

  /** The most important tier. */
  public static final int CORE_TIER = 0;

  /** The least important tier, the only one whose floor may be 0. */
  public static final int SHEDDABLE_TIER = 3;

  public PlanApplication {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(minReplicas, "minReplicas");
  }
}
