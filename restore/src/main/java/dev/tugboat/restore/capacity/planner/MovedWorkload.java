package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.demand.Workload;
import java.util.Objects;

/**
 * A workload of an application and the namespace it lands in.
 *
 * @param workload as read from the source, its namespace the source namespace
 * @param targetNamespace the namespace after the plan's mapping
 */
public record MovedWorkload(Workload workload, String targetNamespace) {

  public MovedWorkload {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(targetNamespace, "targetNamespace");
  }
}
