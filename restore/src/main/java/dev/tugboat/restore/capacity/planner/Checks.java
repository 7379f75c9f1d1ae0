package dev.tugboat.restore.capacity.planner;

import dev.tugboat.restore.capacity.simulate.AggregateResult;
import dev.tugboat.restore.capacity.simulate.QuotaAdmission;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import java.util.ArrayList;
import java.util.List;

/** The reasons of one evaluation's checks, worded for the report. */
final class Checks {

  private Checks() {}

  static List<Check> of(Trial trial, int bestFitUnplaced) {
    int admitted = trial.admitted().stream().mapToInt(ReplicaGroup::replicas).sum();
    return List.of(
        quota(trial),
        aggregate(trial.aggregate()),
        packing("spread", trial.spread().unplaced(), admitted, ""),
        packing("best-fit", bestFitUnplaced, admitted, "optimistic bound: "));
  }

  /** E.g. {@code shop/web: 2 of 4 replicas admitted (quota:requests.cpu)}. */
  private static Check quota(Trial trial) {
    List<String> cuts = new ArrayList<>();
    for (QuotaAdmission admission : trial.admissions()) {
      ReplicaGroup group = admission.group();
      if (admission.admitted() < group.replicas()) {
        cuts.add(
            group.name()
                + ": "
                + admission.admitted()
                + " of "
                + group.replicas()
                + " replicas admitted ("
                + admission.binding().orElseThrow()
                + ")");
      }
    }
    return cuts.isEmpty()
        ? new Check("quota", true, "every replica admitted")
        : new Check("quota", false, String.join("; ", cuts));
  }

  private static Check aggregate(AggregateResult aggregate) {
    String amounts = "demand " + aggregate.demand() + ", free " + aggregate.free();
    return aggregate
        .shortfall()
        .map(resource -> new Check("aggregate", false, "short of " + resource + ": " + amounts))
        .orElseGet(() -> new Check("aggregate", true, amounts));
  }

  private static Check packing(String name, int unplaced, int admitted, String prefix) {
    return new Check(
        name,
        unplaced == 0,
        prefix + (admitted - unplaced) + " of " + admitted + " admitted replicas placed");
  }
}
