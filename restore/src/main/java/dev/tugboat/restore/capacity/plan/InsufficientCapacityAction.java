package dev.tugboat.restore.capacity.plan;

import java.util.Locale;

/** What a migration does when the applications do not fit in the target as they are. */
public enum InsufficientCapacityAction {
  /** Stop before writing anything (bulk migration). */
  ABORT,
  /** Step tiers down the ladder, lowest tier first, until everything fits at its floor at worst. */
  DOWNGRADE,
  /** Downgrade, and when even the floors do not fit, migrate what fits and defer the rest (DR). */
  PARTIAL;

  /** The value in the plan file, e.g. {@code downgrade}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
