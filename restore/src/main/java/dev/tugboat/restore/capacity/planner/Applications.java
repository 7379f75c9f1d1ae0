package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.ApplicationSelector;
import dev.tugboat.restore.capacity.plan.Grouping;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which application each workload belongs to. A workload joins the plan's application whose
 * selector matches it (its source namespace, kind, name, and pod template labels); when several
 * match, the highest {@code priority} wins, then the first in the plan. A workload no listed
 * application claims joins the application named by its value of the plan's grouping label, in the
 * grouping's default tier. Any other workload is unassigned: reported, not moved.
 *
 * @param applications the listed applications that claimed a workload, in plan order, then the
 *     derived ones, by name
 * @param unassigned the workloads no application claims, in input order
 */
public record Applications(List<Application> applications, List<Workload> unassigned) {

  public Applications {
    applications = List.copyOf(applications);
    unassigned = List.copyOf(unassigned);
  }

  public static Applications assign(MigrationPlan plan, List<Workload> workloads) {
    Map<String, List<MovedWorkload>> listed = new LinkedHashMap<>();
    plan.applications().forEach(application -> listed.put(application.name(), new ArrayList<>()));
    Map<String, List<MovedWorkload>> derived = new TreeMap<>();
    List<Workload> unassigned = new ArrayList<>();
    for (Workload workload : workloads) {
      MovedWorkload moved = new MovedWorkload(workload, plan.targetNamespace(workload.namespace()));
      Optional<PlanApplication> claimant = claimant(plan.applications(), workload);
      Optional<String> group =
          plan.grouping().map(Grouping::label).map(workload.templateLabels()::get);
      if (claimant.isPresent()) {
        listed.get(claimant.get().name()).add(moved);
      } else if (group.isPresent()) {
        derived.computeIfAbsent(group.get(), name -> new ArrayList<>()).add(moved);
      } else {
        unassigned.add(workload);
      }
    }
    List<Application> applications = new ArrayList<>();
    for (PlanApplication application : plan.applications()) {
      List<MovedWorkload> claimed = listed.get(application.name());
      if (!claimed.isEmpty()) {
        applications.add(new Application(application.name(), application.tier(), claimed));
      }
    }
    derived.forEach(
        (name, claimed) ->
            applications.add(
                new Application(name, plan.grouping().orElseThrow().defaultTier(), claimed)));
    return new Applications(applications, unassigned);
  }

  /** The matching application of highest priority, the first in the plan on a tie. */
  private static Optional<PlanApplication> claimant(
      List<PlanApplication> applications, Workload workload) {
    PlanApplication best = null;
    for (PlanApplication application : applications) {
      if (matches(application.selector(), workload)
          && (best == null || application.priority() > best.priority())) {
        best = application;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean matches(ApplicationSelector selector, Workload workload) {
    return selector.namespaces().contains(workload.namespace())
        && (selector.kinds().isEmpty() || selector.kinds().contains(workload.kind()))
        && (selector.names().isEmpty() || selector.names().contains(workload.name()))
        && selector.labelSelector().matches(workload.templateLabels());
  }
}
