package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.simulate.AggregateCheck;
import dev.tugboat.restore.capacity.simulate.AggregateResult;
import dev.tugboat.restore.capacity.simulate.EligibilityCache;
import dev.tugboat.restore.capacity.simulate.Headroom;
import dev.tugboat.restore.capacity.simulate.PackingSimulation;
import dev.tugboat.restore.capacity.simulate.Placement;
import dev.tugboat.restore.capacity.simulate.QuotaAdmission;
import dev.tugboat.restore.capacity.simulate.QuotaCheck;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One evaluation of planned replicas against the target, the checks in issue 6's order: each
 * namespace's quota admits what it has room for (a pod over quota is never created, so only the
 * admitted replicas reach the scheduler), then the aggregate condition and the spread packing run
 * on the admitted replicas.
 *
 * @param planned the groups as planned, one per workload
 * @param admissions one per planned group, same order
 * @param admitted the planned groups cut to what the quotas admit, same order
 * @param aggregate the aggregate condition on the admitted groups
 * @param spread the spread packing of the admitted groups, which decides
 */
record Trial(
    List<ReplicaGroup> planned,
    List<QuotaAdmission> admissions,
    List<ReplicaGroup> admitted,
    AggregateResult aggregate,
    Placement spread) {

  /**
   * @param eligibility the plan's cache over the target's nodes, shared by all its trials
   * @param detail whether the spread packing says why replicas stay unplaced; the ladder's trials
   *     only ask whether everything fits, see {@link #explained}
   */
  static Trial run(
      Map<String, NamespaceQuota> quotas,
      Headroom headroom,
      List<ReplicaGroup> planned,
      EligibilityCache eligibility,
      PackingSimulation.Detail detail) {
    List<QuotaAdmission> admissions = admit(quotas, planned);
    List<ReplicaGroup> admitted = new ArrayList<>();
    for (QuotaAdmission admission : admissions) {
      ReplicaGroup group = admission.group();
      admitted.add(
          new ReplicaGroup(
              group.application(),
              group.namespace(),
              group.tier(),
              admission.admitted(),
              group.perReplica(),
              group.eligibility(),
              group.maxPerNode()));
    }
    return new Trial(
        planned,
        admissions,
        admitted,
        AggregateCheck.check(admitted, headroom, eligibility),
        PackingSimulation.run(
            admitted, PackingSimulation.Strategy.SPREAD, headroom, eligibility, detail));
  }

  /**
   * This trial with the reasons of its unplaced replicas, which a report needs: the spread packing
   * runs again, with the same result, when some replicas are unplaced.
   */
  Trial explained(Headroom headroom, EligibilityCache eligibility) {
    if (spread.unplaced() == 0) {
      return this;
    }
    return new Trial(
        planned,
        admissions,
        admitted,
        aggregate,
        PackingSimulation.run(
            admitted,
            PackingSimulation.Strategy.SPREAD,
            headroom,
            eligibility,
            PackingSimulation.Detail.WITH_REASONS));
  }

  /** Per namespace, groups admitted tier 0 first (then by name), as core pods are created first. */
  private static List<QuotaAdmission> admit(
      Map<String, NamespaceQuota> quotas, List<ReplicaGroup> planned) {
    QuotaAdmission[] admissions = new QuotaAdmission[planned.size()];
    Map<String, List<Integer>> byNamespace = new TreeMap<>();
    for (int index = 0; index < planned.size(); index++) {
      ReplicaGroup group = planned.get(index);
      NamespaceQuota quota = quotas.get(group.namespace());
      if (quota == null) {
        admissions[index] = new QuotaAdmission(group, group.replicas(), Optional.empty());
      } else {
        byNamespace.computeIfAbsent(group.namespace(), name -> new ArrayList<>()).add(index);
      }
    }
    byNamespace.forEach(
        (namespace, indexes) -> {
          indexes.sort(
              Comparator.<Integer>comparingInt(index -> planned.get(index).tier())
                  .thenComparing(index -> planned.get(index).name()));
          NamespaceQuota quota = quotas.get(namespace);
          List<QuotaAdmission> results =
              QuotaCheck.admit(
                  quota.hard(), quota.used(), indexes.stream().map(planned::get).toList());
          for (int position = 0; position < indexes.size(); position++) {
            admissions[indexes.get(position)] = results.get(position);
          }
        });
    return List.of(admissions);
  }

  /** Whether the quotas admit every planned replica and the spread packing places them all. */
  boolean fits() {
    return quotaCutsNothing() && spread.unplaced() == 0;
  }

  boolean quotaCutsNothing() {
    for (QuotaAdmission admission : admissions) {
      if (admission.admitted() < admission.group().replicas()) {
        return false;
      }
    }
    return true;
  }

  /**
   * What stopped a planned group: the quota key when the quota cut it, else the packing's reason;
   * empty when every planned replica is placed.
   */
  Optional<String> binding(int group) {
    QuotaAdmission admission = admissions.get(group);
    if (admission.admitted() < admission.group().replicas()) {
      return admission.binding();
    }
    return spread.groups().get(group).reason();
  }
}
