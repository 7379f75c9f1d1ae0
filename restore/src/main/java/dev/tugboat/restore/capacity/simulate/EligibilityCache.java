package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.model.NodeShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nodes each placement rule admits, for one list of nodes, worked out once and shared by every
 * simulation of a plan (the ladder simulates many times). Rules with equal content share one
 * answer, and a rule is asked once per distinct {@linkplain NodeEligibility#answerKey part of a
 * node} it reads, not once per node: most workloads share a few shapes and most nodes a few
 * classes.
 */
public final class EligibilityCache {

  private final List<SimNode> nodes;
  private final WorkCounter counter;
  private final Map<NodeEligibility, Pool> byRule = new HashMap<>();

  /**
   * @param nodes the nodes every simulation using this cache runs on
   * @throws IllegalArgumentException naming the node when two nodes have the same name
   */
  public EligibilityCache(List<SimNode> nodes) {
    this(nodes, new WorkCounter());
  }

  EligibilityCache(List<SimNode> nodes, WorkCounter counter) {
    requireUniqueNames(nodes);
    this.nodes = nodes;
    this.counter = counter;
  }

  /** How many of the nodes the rule admits. */
  public int eligibleCount(NodeEligibility rule) {
    return pool(rule).nodes().length;
  }

  /**
   * The nodes a rule admits; rules with equal content get the same instance.
   *
   * @param nodes indexes into the node list, ascending
   * @param member whether a node's index is in {@code nodes}
   */
  record Pool(NodeEligibility rule, int[] nodes, boolean[] member) {}

  Pool pool(NodeEligibility rule) {
    return byRule.computeIfAbsent(rule, this::evaluate);
  }

  List<SimNode> nodes() {
    return nodes;
  }

  WorkCounter counter() {
    return counter;
  }

  /**
   * Why a rule admits no node, for a report: the first node's refusal, worded only when asked for.
   */
  String noEligibleNodeReason(NodeEligibility rule) {
    Optional<String> refusal =
        nodes.isEmpty() ? Optional.empty() : rule.refusal(nodes.get(0).shape());
    return refusal.orElse("the cluster has no schedulable node");
  }

  private Pool evaluate(NodeEligibility rule) {
    Map<Object, Boolean> byKey = new HashMap<>();
    List<Integer> eligible = new ArrayList<>();
    boolean[] member = new boolean[nodes.size()];
    for (int index = 0; index < nodes.size(); index++) {
      NodeShape shape = nodes.get(index).shape();
      boolean admitted =
          byKey.computeIfAbsent(
              rule.answerKey(shape),
              key -> {
                counter.eligibilityChecked();
                return rule.admits(shape);
              });
      if (admitted) {
        eligible.add(index);
        member[index] = true;
      }
    }
    return new Pool(rule, eligible.stream().mapToInt(Integer::intValue).toArray(), member);
  }

  private static void requireUniqueNames(List<SimNode> nodes) {
    Set<String> names = new HashSet<>();
    for (SimNode node : nodes) {
      if (!names.add(node.name())) {
        throw new IllegalArgumentException("node " + node.name() + " is listed twice");
      }
    }
  }
}
