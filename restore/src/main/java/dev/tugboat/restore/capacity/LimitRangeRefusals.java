package dev.tugboat.restore.capacity;

import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.Application;
import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.Applications;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.Check;
import dev.tugboat.restore.capacity.planner.MovedWorkload;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads whose pods the target namespace's LimitRange admission would refuse, and what that
 * does to a plan: no ladder step can make such a pod admissible, so its replicas are unplaced, with
 * the binding {@code limitrange: <why>}, and the plan does not fit. An application that the ladder
 * deferred moves nothing, so its refused workloads change nothing.
 */
final class LimitRangeRefusals {

  static final String BINDING_PREFIX = "limitrange: ";

  private final Map<Workload, String> reasons = new LinkedHashMap<>();

  /**
   * @param workload as read without the LimitRange
   * @param reason what admission would refuse, e.g. {@code container 'web': cpu request 2 is above
   *     its limit 1}
   */
  void add(Workload workload, String reason) {
    reasons.put(workload, reason);
  }

  /**
   * @param nodes the target's schedulable nodes, which give a DaemonSet its replicas
   */
  CapacityPlan applyTo(CapacityPlan plan, MigrationPlan migration, List<SimNode> nodes) {
    if (reasons.isEmpty()) {
      return plan;
    }
    Applications refused = Applications.assign(migration, List.copyOf(reasons.keySet()));
    Map<String, ApplicationResult> results = new LinkedHashMap<>();
    plan.applications().forEach(result -> results.put(result.name(), result));
    List<String> refusals = new ArrayList<>();
    List<WorkloadResult> workloads = new ArrayList<>(plan.workloads());
    for (Application application : refused.applications()) {
      ApplicationResult result =
          results.getOrDefault(
              application.name(),
              new ApplicationResult(
                  application.name(), application.tier(), 0, 0, 0, 0, null, false));
      if (result.deferred()) {
        continue;
      }
      for (MovedWorkload moved : application.workloads()) {
        Workload workload = moved.workload();
        int replicas = workload.replicas().on(eligibleNodes(nodes, workload));
        String binding = BINDING_PREFIX + reasons.get(workload);
        refusals.add(workload.describe() + ": " + reasons.get(workload));
        // Refused at any count, so the ladder never scales it: its floor is its source replicas.
        workloads.add(
            new WorkloadResult(
                application.name(),
                workload.kind(),
                workload.namespace(),
                moved.targetNamespace(),
                workload.name(),
                replicas,
                replicas,
                replicas,
                0,
                workload.replicas().onePerEligibleNode()));
        result =
            new ApplicationResult(
                result.name(),
                result.tier(),
                result.sourceReplicas() + replicas,
                result.plannedReplicas() + replicas,
                result.placed(),
                result.unplaced() + replicas,
                result.binding() != null ? result.binding() : binding,
                false);
      }
      results.put(application.name(), result);
    }
    List<String> unassigned = new ArrayList<>(plan.unassigned());
    refused.unassigned().forEach(workload -> unassigned.add(workload.describe()));
    if (refusals.isEmpty()) {
      return withUnassigned(plan, unassigned);
    }
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("limitrange", false, String.join("; ", refusals)));
    checks.addAll(plan.checks());
    return new CapacityPlan(
        Verdict.DOES_NOT_FIT,
        plan.onInsufficientCapacity(),
        plan.headroom(),
        plan.pendingPods(),
        checks,
        plan.steps(),
        List.copyOf(results.values()),
        workloads,
        unassigned,
        plan.nodes(),
        plan.bestFitUnplaced());
  }

  private static CapacityPlan withUnassigned(CapacityPlan plan, List<String> unassigned) {
    return new CapacityPlan(
        plan.verdict(),
        plan.onInsufficientCapacity(),
        plan.headroom(),
        plan.pendingPods(),
        plan.checks(),
        plan.steps(),
        plan.applications(),
        plan.workloads(),
        unassigned,
        plan.nodes(),
        plan.bestFitUnplaced());
  }

  private static int eligibleNodes(List<SimNode> nodes, Workload workload) {
    return (int)
        nodes.stream().filter(node -> workload.placement().refusal(node.shape()).isEmpty()).count();
  }
}
