package dev.tugboat.restore.capacity.planner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The planner's answer: whether the applications fit, the ladder steps that make them fit, and
 * where the planned replicas land. Its JSON form ({@link #toJson()}) is what {@code tugboat
 * capacity --output json} prints.
 *
 * @param verdict fits, fits with the downgrade, or does not fit
 * @param onInsufficientCapacity the plan's action, e.g. {@code partial}
 * @param headroom what is kept free on every node, e.g. {@code 5% of cpu and memory}
 * @param pendingPods the target's pods waiting for a node, found and placed ahead of the
 *     applications
 * @param checks the checks on the final planned replicas, in the order they ran
 * @param steps the ladder steps taken, in order; empty when everything fits as is
 * @param applications one per application, in the order {@link Applications} gave them
 * @param workloads one per workload of the applications, in the same order
 * @param unassigned the workloads no application claims, e.g. {@code Deployment tools/debug}
 * @param nodes one per target node, in input order
 * @param bestFitUnplaced the replicas a best-fit packing leaves unplaced: the optimistic bound
 */
public record CapacityPlan(
    Verdict verdict,
    String onInsufficientCapacity,
    String headroom,
    PendingPods pendingPods,
    List<Check> checks,
    List<LadderStep> steps,
    List<ApplicationResult> applications,
    List<WorkloadResult> workloads,
    List<String> unassigned,
    List<NodeResult> nodes,
    int bestFitUnplaced) {

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  public CapacityPlan {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(onInsufficientCapacity, "onInsufficientCapacity");
    Objects.requireNonNull(headroom, "headroom");
    Objects.requireNonNull(pendingPods, "pendingPods");
    checks = List.copyOf(checks);
    steps = List.copyOf(steps);
    applications = List.copyOf(applications);
    workloads = List.copyOf(workloads);
    unassigned = List.copyOf(unassigned);
    nodes = List.copyOf(nodes);
  }

  /** The replicas planned over all applications, after the ladder. */
  public int plannedReplicas() {
    return applications.stream().mapToInt(ApplicationResult::plannedReplicas).sum();
  }

  /** The planned replicas the spread simulation placed. */
  public int placedReplicas() {
    return applications.stream().mapToInt(ApplicationResult::placed).sum();
  }

  /** Pretty-printed, fields in declaration order; a null binding is left out. */
  public String toJson() {
    return GSON.toJson(this);
  }
}
