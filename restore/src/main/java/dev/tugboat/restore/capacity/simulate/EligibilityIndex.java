package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes each placement rule admits, evaluated once per (rule, node): the groups of one
 * workload, or of workloads sharing a rule object, reuse the answer.
 */
final class EligibilityIndex {

  /**
   * @param nodes indexes into the node list, ascending
   * @param firstRefusal why the first refused node, in node order, was refused
   */
  record Eligible(List<Integer> nodes, Optional<String> firstRefusal) {}

  private final List<SimNode> nodes;
  private final WorkCounter counter;
  private final Map<NodeEligibility, Eligible> byRule = new IdentityHashMap<>();

  EligibilityIndex(List<SimNode> nodes, WorkCounter counter) {
    this.nodes = nodes;
    this.counter = counter;
  }

  Eligible of(NodeEligibility rule) {
    return byRule.computeIfAbsent(rule, this::evaluate);
  }

  private Eligible evaluate(NodeEligibility rule) {
    List<Integer> eligible = new ArrayList<>();
    Optional<String> firstRefusal = Optional.empty();
    for (int index = 0; index < nodes.size(); index++) {
      counter.eligibilityChecked();
      Optional<String> refusal = rule.refusal(nodes.get(index).shape());
      if (refusal.isEmpty()) {
        eligible.add(index);
      } else if (firstRefusal.isEmpty()) {
        firstRefusal = refusal;
      }
    }
    return new Eligible(List.copyOf(eligible), firstRefusal);
  }
}
