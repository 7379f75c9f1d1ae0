package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.demand.Floor;
import dev.tugboat.restore.capacity.demand.Workload;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import dev.tugboat.restore.capacity.simulate.EligibilityCache;
import dev.tugboat.restore.capacity.simulate.GroupPlacement;
import dev.tugboat.restore.capacity.simulate.NodeUsage;
import dev.tugboat.restore.capacity.simulate.PackingSimulation;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the applications fit in the target and, when they do not, which replicas to shed
 * (migration.md section 5, "Planner loop"). Each evaluation runs the checks in order: the quota of
 * each namespace, the aggregate condition, the spread packing (which decides) and, on the final
 * replicas, the best-fit packing (the optimistic bound).
 *
 * <p>The target's pending pods were queued before the migration's pods: they are placed first,
 * once, and the room they take is gone for every evaluation ({@link PendingPlacement}).
 *
 * <p>The ladder: when the source replicas do not fit, the lowest tier steps down one rung at a
 * time, and the planner simulates again after each step; the next tier up is touched only once the
 * lower one is at its last rung. Tiers step in the order 3, 2, 1, and 0 only when the plan allows
 * core degrade. A rung applies to every application of the tier and sets each workload to {@code
 * max(floor, ceil(source × ratio))} (never above the source); after the ladder's ratios comes the
 * floor. A rung that changes nothing is skipped without a simulation or a step.
 *
 * <p>Deferral: under {@code partial}, tier 3 has one rung more, below its floor: deferred, 0
 * replicas for every workload of the application, DaemonSets included (the application is not moved
 * at all). The floor still bounds every degraded count: deferral is not a lower floor but leaving
 * the application out, and it comes before tier 2 is touched, since sheddable means shed first.
 * Under {@code abort} and {@code downgrade}, tier 3 stops at its floor; the planner plans the same
 * downgrade for both, and the migration decides whether to apply it or abort.
 *
 * <p>DaemonSets run one replica per eligible node: that count is their source replicas, and ratio
 * and floor rungs leave them as they are.
 */
public final class CapacityPlanner {

  private CapacityPlanner() {}

  /**
   * @throws IllegalArgumentException naming the workload when one without one pod per eligible node
   *     has no floor
   */
  public static CapacityPlan plan(CapacityInput input) {
    List<Application> applications = input.applications().applications();
    PendingPlacement pending =
        PendingPlacement.of(input.nodes(), input.pendingPods(), input.headroom());
    // eligibility depends on nodes and placement rules only, which no rung changes
    EligibilityCache eligibility = new EligibilityCache(pending.nodes());
    List<Entry> entries = entries(input, eligibility);
    int[] planned = entries.stream().mapToInt(Entry::source).toArray();
    boolean[] deferred = new boolean[applications.size()];
    Trial trial = simulate(input, entries, planned, eligibility);
    List<LadderStep> steps = new ArrayList<>();
    boolean partial = input.onInsufficientCapacity() == InsufficientCapacityAction.PARTIAL;
    ladder:
    for (int tier : degradableTiers(input.allowCoreDegrade())) {
      for (Rung rung : Rung.of(tier, input.ladder(), partial)) {
        if (trial.fits()) {
          break ladder;
        }
        List<ReplicaChange> changes = step(applications, entries, planned, tier, rung);
        if (rung.defers()) {
          for (Entry entry : entries) {
            deferred[entry.application()] |= applications.get(entry.application()).tier() == tier;
          }
        }
        if (!changes.isEmpty()) {
          steps.add(new LadderStep(tier, rung.label(), changes));
          trial = simulate(input, entries, planned, eligibility);
        }
      }
    }
    return new PlanReport(
            input,
            entries,
            planned,
            deferred,
            trial.explained(input.headroom(), eligibility),
            eligibility)
        .plan(steps, pending.pendingPods());
  }

  /** The tiers that may be stepped down, lowest priority first. */
  private static List<Integer> degradableTiers(boolean allowCoreDegrade) {
    List<Integer> tiers = new ArrayList<>();
    for (int tier = PlanApplication.SHEDDABLE_TIER; tier > PlanApplication.CORE_TIER; tier--) {
      tiers.add(tier);
    }
    if (allowCoreDegrade) {
      tiers.add(PlanApplication.CORE_TIER);
    }
    return tiers;
  }

  /** Sets every workload of the tier to the rung's replicas; returns the applications changed. */
  private static List<ReplicaChange> step(
      List<Application> applications, List<Entry> entries, int[] planned, int tier, Rung rung) {
    int[] before = new int[applications.size()];
    int[] after = new int[applications.size()];
    for (int index = 0; index < entries.size(); index++) {
      Entry entry = entries.get(index);
      before[entry.application()] += planned[index];
      if (applications.get(entry.application()).tier() == tier
          && (rung.defers() || !entry.onePerEligibleNode())) {
        planned[index] = rung.replicas(entry.source(), entry.floor());
      }
      after[entry.application()] += planned[index];
    }
    List<ReplicaChange> changes = new ArrayList<>();
    for (int application = 0; application < applications.size(); application++) {
      if (before[application] != after[application]) {
        changes.add(
            new ReplicaChange(
                applications.get(application).name(), before[application], after[application]));
      }
    }
    return changes;
  }

  private static Trial simulate(
      CapacityInput input, List<Entry> entries, int[] planned, EligibilityCache eligibility) {
    return Trial.run(
        input.quotas(),
        input.headroom(),
        groups(input, entries, planned),
        eligibility,
        PackingSimulation.Detail.COUNTS_ONLY);
  }

  static List<ReplicaGroup> groups(CapacityInput input, List<Entry> entries, int[] planned) {
    List<ReplicaGroup> groups = new ArrayList<>();
    for (int index = 0; index < entries.size(); index++) {
      Entry entry = entries.get(index);
      Application application = input.applications().applications().get(entry.application());
      Workload workload = entry.moved().workload();
      groups.add(
          new ReplicaGroup(
              application.name(),
              entry.moved().targetNamespace(),
              application.tier(),
              planned[index],
              workload.podRequest(),
              workload.placement(),
              workload.maxPerNode()));
    }
    return groups;
  }

  /** Every workload of every application, in order, with its source replicas and floor. */
  private static List<Entry> entries(CapacityInput input, EligibilityCache eligibility) {
    List<Entry> entries = new ArrayList<>();
    List<Application> applications = input.applications().applications();
    for (int application = 0; application < applications.size(); application++) {
      for (MovedWorkload moved : applications.get(application).workloads()) {
        Workload workload = moved.workload();
        if (workload.replicas().onePerEligibleNode()) {
          int eligible = eligibility.eligibleCount(workload.placement());
          entries.add(new Entry(application, moved, eligible, eligible, true));
        } else {
          Floor floor =
              Optional.ofNullable(input.floors().get(workload))
                  .orElseThrow(
                      () -> new IllegalArgumentException(workload.describe() + " has no floor"));
          int source = workload.replicas().count();
          entries.add(new Entry(application, moved, source, floor.replicas(), false));
        }
      }
    }
    return entries;
  }

  /**
   * A workload of an application, with what the ladder needs to scale it.
   *
   * @param application its application's index
   * @param source its replicas in the source; for a DaemonSet, the target's eligible nodes
   * @param floor the fewest replicas a ratio or floor rung leaves it
   */
  record Entry(
      int application, MovedWorkload moved, int source, int floor, boolean onePerEligibleNode) {}

  /** Turns the final evaluation into the plan. */
  private record PlanReport(
      CapacityInput input,
      List<Entry> entries,
      int[] planned,
      boolean[] deferred,
      Trial trial,
      EligibilityCache eligibility) {

    CapacityPlan plan(List<LadderStep> steps, PendingPods pendingPods) {
      Verdict verdict =
          !trial.fits()
              ? Verdict.DOES_NOT_FIT
              : steps.isEmpty() ? Verdict.FITS : Verdict.FITS_WITH_DOWNGRADE;
      int bestFitUnplaced =
          PackingSimulation.run(
                  trial.admitted(),
                  PackingSimulation.Strategy.BEST_FIT,
                  input.headroom(),
                  eligibility,
                  PackingSimulation.Detail.COUNTS_ONLY)
              .unplaced();
      return new CapacityPlan(
          verdict,
          input.onInsufficientCapacity().yamlName(),
          input.headroom().toString(),
          pendingPods,
          Checks.of(trial, bestFitUnplaced),
          steps,
          applications(),
          workloads(),
          input.applications().unassigned().stream().map(Workload::describe).toList(),
          nodes(),
          bestFitUnplaced);
    }

    private List<ApplicationResult> applications() {
      List<Application> applications = input.applications().applications();
      List<List<Integer>> entriesByApplication = new ArrayList<>();
      for (int application = 0; application < applications.size(); application++) {
        entriesByApplication.add(new ArrayList<>());
      }
      for (int index = 0; index < entries.size(); index++) {
        entriesByApplication.get(entries.get(index).application()).add(index);
      }
      List<ApplicationResult> results = new ArrayList<>();
      for (int application = 0; application < applications.size(); application++) {
        int source = 0;
        int plannedReplicas = 0;
        int placed = 0;
        String binding = null;
        for (int index : entriesByApplication.get(application)) {
          GroupPlacement placement = trial.spread().groups().get(index);
          source += entries.get(index).source();
          plannedReplicas += planned[index];
          placed += placement.placed();
          if (binding == null && placement.placed() < planned[index]) {
            binding = trial.binding(index).orElseThrow();
          }
        }
        Application app = applications.get(application);
        results.add(
            new ApplicationResult(
                app.name(),
                app.tier(),
                source,
                plannedReplicas,
                placed,
                plannedReplicas - placed,
                binding,
                deferred[application]));
      }
      return results;
    }

    private List<WorkloadResult> workloads() {
      List<Application> applications = input.applications().applications();
      List<WorkloadResult> results = new ArrayList<>();
      for (int index = 0; index < entries.size(); index++) {
        Entry entry = entries.get(index);
        Workload workload = entry.moved().workload();
        results.add(
            new WorkloadResult(
                applications.get(entry.application()).name(),
                workload.kind(),
                workload.namespace(),
                entry.moved().targetNamespace(),
                workload.name(),
                entry.source(),
                entry.floor(),
                planned[index],
                trial.spread().groups().get(index).placed(),
                entry.onePerEligibleNode()));
      }
      return results;
    }

    /** Before: the pods bound now; after: with the pending pods and the replicas placed. */
    private List<NodeResult> nodes() {
      List<NodeResult> nodes = new ArrayList<>();
      List<NodeUsage> usages = trial.spread().nodes();
      for (int index = 0; index < usages.size(); index++) {
        NodeUsage usage = usages.get(index);
        nodes.add(
            new NodeResult(
                usage.node(),
                usage.allocatable().amounts(),
                input.nodes().get(index).used().amounts(),
                usage.after().amounts()));
      }
      return nodes;
    }
  }
}
