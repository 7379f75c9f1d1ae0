package dev.tugboat.restore.capacity.planner;

import java.util.List;
import java.util.Objects;

/**
 * An application as the planner degrades and reports it: the unit a ladder step changes.
 *
 * @param name as the plan names it, or the grouping label's value
 * @param tier 0 (core) to 3 (sheddable)
 * @param workloads its workloads, in the order they were read
 */
public record Application(String name, int tier, List<MovedWorkload> workloads) {

  public Application {
    Objects.requireNonNull(name, "name");
    workloads = List.copyOf(workloads);
  }
}
