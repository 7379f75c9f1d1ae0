package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a pod spec lets a replica run, checked as the scheduler's filters do: the node selector,
 * the required node affinity (terms ORed, expressions within a term ANDed), then every {@code
 * NoSchedule}/{@code NoExecute} taint, which must be tolerated. Preferred rules and {@code
 * PreferNoSchedule} taints only weigh in scoring, so they never refuse a node.
 */
public final class PlacementRules implements NodeEligibility {

  private final SortedMap<String, String> nodeSelector;

  /** Empty when the pod has no required node affinity, which allows every node. */
  private final Optional<List<NodeSelectorTerm>> requiredTerms;

  private final List<Toleration> tolerations;

  /** The node labels the selector and the affinity read: all an answer depends on, with taints. */
  private final List<String> labelsRead;

  private final boolean readsNodeName;

  /**
   * What of a node these rules read; nodes with equal parts get the same answer.
   *
   * @param labels the values of the labels read, in order, null where absent
   * @param name the node's name when a field expression reads it, else null
   */
  private record NodePart(List<String> labels, List<Taint> taints, String name) {}

  private PlacementRules(
      SortedMap<String, String> nodeSelector,
      Optional<List<NodeSelectorTerm>> requiredTerms,
      List<Toleration> tolerations) {
    this.nodeSelector = nodeSelector;
    this.requiredTerms = requiredTerms;
    this.tolerations = tolerations;
    Set<String> labels = new TreeSet<>(nodeSelector.keySet());
    boolean readsName = false;
    for (NodeSelectorTerm term : requiredTerms.orElse(List.of())) {
      term.expressions().forEach(expression -> labels.add(expression.key()));
      readsName |= term.readsNodeName();
    }
    this.labelsRead = List.copyOf(labels);
    this.readsNodeName = readsName;
  }

  /**
   * @param podSpec a Pod's {@code spec}, or a pod template's
   * @throws IllegalArgumentException naming the key, for a match expression with an unknown
   *     operator
   */
  public static PlacementRules of(JsonObject podSpec) {
    SortedMap<String, String> nodeSelector = new TreeMap<>();
    JsonPaths.object(podSpec, "nodeSelector")
        .ifPresent(
            map ->
                map.entrySet()
                    .forEach(
                        entry -> nodeSelector.put(entry.getKey(), entry.getValue().getAsString())));
    Optional<List<NodeSelectorTerm>> requiredTerms =
        JsonPaths.object(
                podSpec,
                "affinity",
                "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution")
            .map(
                selector ->
                    JsonPaths.objects(selector, "nodeSelectorTerms").stream()
                        .map(NodeSelectorTerm::read)
                        .toList());
    List<Toleration> tolerations =
        JsonPaths.objects(podSpec, "tolerations").stream().map(Toleration::read).toList();
    return new PlacementRules(nodeSelector, requiredTerms, tolerations);
  }

  /**
   * @return e.g. {@code node selector disk=ssd}, {@code node affinity zone In (a,b)} (one failed
   *     requirement per term, joined by {@code or}), {@code taint dedicated=gpu:NoSchedule not
   *     tolerated}; empty when the node is eligible
   */
  @Override
  public Optional<String> refusal(NodeShape node) {
    for (Map.Entry<String, String> wanted : nodeSelector.entrySet()) {
      if (!wanted.getValue().equals(node.labels().get(wanted.getKey()))) {
        return Optional.of("node selector " + wanted.getKey() + "=" + wanted.getValue());
      }
    }
    Optional<String> affinity = requiredTerms.flatMap(terms -> affinityRefusal(terms, node));
    if (affinity.isPresent()) {
      return affinity;
    }
    for (Taint taint : node.taints()) {
      if (taint.repels() && tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
        return Optional.of("taint " + describe(taint) + " not tolerated");
      }
    }
    return Optional.empty();
  }

  /** {@link #refusal} without wording the refusal. */
  @Override
  public boolean admits(NodeShape node) {
    for (Map.Entry<String, String> wanted : nodeSelector.entrySet()) {
      if (!wanted.getValue().equals(node.labels().get(wanted.getKey()))) {
        return false;
      }
    }
    if (requiredTerms.isPresent()
        && requiredTerms.get().stream().noneMatch(term -> term.matches(node))) {
      return false;
    }
    for (Taint taint : node.taints()) {
      if (taint.repels() && tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values of the labels these rules read, the taints, and the name only when a field
   * expression reads it: nodes that differ only in other labels (hostname, zone) share an answer.
   */
  @Override
  public Object answerKey(NodeShape node) {
    List<String> values = new ArrayList<>(labelsRead.size());
    for (String label : labelsRead) {
      values.add(node.labels().get(label));
    }
    return new NodePart(values, node.taints(), readsNodeName ? node.name() : null);
  }

  /** Rules read from equal pod specs are equal, so that workloads of one shape share answers. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PlacementRules rules
        && nodeSelector.equals(rules.nodeSelector)
        && requiredTerms.equals(rules.requiredTerms)
        && tolerations.equals(rules.tolerations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeSelector, requiredTerms, tolerations);
  }

  private static Optional<String> affinityRefusal(List<NodeSelectorTerm> terms, NodeShape node) {
    if (terms.isEmpty()) {
      return Optional.of("node affinity has no term");
    }
    List<String> mismatches = new ArrayList<>();
    for (NodeSelectorTerm term : terms) {
      Optional<String> mismatch = term.mismatch(node);
      if (mismatch.isEmpty()) {
        return Optional.empty();
      }
      mismatches.add(mismatch.get());
    }
    return Optional.of("node affinity " + String.join(" or ", mismatches));
  }

  private static String describe(Taint taint) {
    String value = taint.value().isEmpty() ? "" : "=" + taint.value();
    return taint.key() + value + ":" + taint.effect();
  }
}
