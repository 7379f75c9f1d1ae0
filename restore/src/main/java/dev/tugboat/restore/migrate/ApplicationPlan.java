package dev.tugboat.restore.migrate;

import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import dev.tugboat.restore.capacity.planner.ApplicationResult;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.LadderStep;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the capacity plan gives one application, and where it stands on its tier's ladder: the
 * migration's starting point for it.
 *
 * @param name the application
 * @param tier 0 (core) to 3 (sheddable)
 * @param deferred whether the plan moves none of it
 * @param rung the label of the ladder rung its tier is on: {@code 1.0} when not stepped down
 * @param namespaces its source namespaces: a listed application's selector's, a derived one's
 *     workloads'
 * @param workloads its workloads with their source, floor and planned replicas; none for an
 *     application of configuration only
 */
public record ApplicationPlan(
    String name,
    int tier,
    boolean deferred,
    String rung,
    List<String> namespaces,
    List<WorkloadResult> workloads) {

  /** The rung of a tier that was not stepped down. */
  public static final String FULL = "1.0";

  public ApplicationPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rung, "rung");
    namespaces = List.copyOf(namespaces);
    workloads = List.copyOf(workloads);
  }

  /**
   * One per application: the plan's listed ones in plan order, those without workloads included
   * (configuration only), then those the capacity plan derived from the grouping label.
   */
  public static List<ApplicationPlan> of(MigrationPlan plan, CapacityPlan capacity) {
    Map<String, ApplicationResult> planned = new LinkedHashMap<>();
    capacity.applications().forEach(result -> planned.put(result.name(), result));
    List<ApplicationPlan> plans = new ArrayList<>();
    for (PlanApplication listed : plan.applications()) {
      ApplicationResult result = planned.remove(listed.name());
      plans.add(
          of(
              capacity,
              listed.name(),
              listed.tier(),
              result != null && result.deferred(),
              listed.selector().namespaces()));
    }
    for (ApplicationResult derived : planned.values()) {
      SortedSet<String> namespaces = new TreeSet<>();
      capacity.workloads().stream()
          .filter(workload -> workload.application().equals(derived.name()))
          .forEach(workload -> namespaces.add(workload.namespace()));
      plans.add(
          of(
              capacity,
              derived.name(),
              derived.tier(),
              derived.deferred(),
              List.copyOf(namespaces)));
    }
    return plans;
  }

  /**
   * Karmada mode's plan: the listed applications, in plan order, as they run in the member cluster;
   * no workload is scaled, so none is planned.
   */
  public static List<ApplicationPlan> adopted(MigrationPlan plan) {
    return plan.applications().stream()
        .map(
            listed ->
                new ApplicationPlan(
                    listed.name(),
                    listed.tier(),
                    false,
                    FULL,
                    listed.selector().namespaces(),
                    List.of()))
        .toList();
  }

  private static ApplicationPlan of(
      CapacityPlan capacity, String name, int tier, boolean deferred, List<String> namespaces) {
    String rung = FULL;
    for (LadderStep step : capacity.steps()) {
      if (step.tier() == tier) {
        rung = step.rung();
      }
    }
    List<WorkloadResult> workloads =
        capacity.workloads().stream()
            .filter(workload -> workload.application().equals(name))
            .toList();
    return new ApplicationPlan(name, tier, deferred, rung, namespaces, workloads);
  }

  public int sourceReplicas() {
    return workloads.stream().mapToInt(WorkloadResult::sourceReplicas).sum();
  }

  public int plannedReplicas() {
    return workloads.stream().mapToInt(WorkloadResult::plannedReplicas).sum();
  }
}
