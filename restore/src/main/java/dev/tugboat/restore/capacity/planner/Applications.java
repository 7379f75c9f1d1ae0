package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which application each workload belongs to, by {@link ApplicationClaims}' rule; one derived from
 * the grouping label has the grouping's default tier. Any other workload is unassigned: reported,
 * not moved.
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
    ApplicationClaims claims = new ApplicationClaims(plan);
    for (Workload workload : workloads) {
      MovedWorkload moved = new MovedWorkload(workload, plan.targetNamespace(workload.namespace()));
      Optional<PlanApplication> claimant =
          claims.listedClaimant(
              workload.namespace(), workload.kind(), workload.name(), workload.templateLabels());
      Optional<String> group = claims.derivedClaimant(workload.templateLabels());
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
}
