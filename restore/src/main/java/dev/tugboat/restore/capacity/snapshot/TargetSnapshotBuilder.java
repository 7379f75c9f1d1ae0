package dev.tugboat.restore.capacity.snapshot;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.demand.EffectivePodRequest;
import dev.tugboat.restore.capacity.demand.LimitRangeDefaults;
import dev.tugboat.restore.capacity.demand.PlacementRules;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.QuotaAmounts;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds a {@link TargetSnapshot} from the target's objects, fed one at a time in any order, so
 * that the pods of a large cluster are never all in memory. Pure: JSON in, a value out.
 *
 * <ul>
 *   <li>A node takes new pods when its {@code Ready} condition is {@code True} and it is not
 *       cordoned ({@code spec.unschedulable}); its allocatable is all of {@code status.allocatable}
 *       (cpu, memory, ephemeral-storage, pods, hugepages-*, extended resources). Taints do not make
 *       a node ineligible: they refuse only the pods that do not tolerate them.
 *   <li>A pod with {@code spec.nodeName} that has not finished (phase neither {@code Succeeded} nor
 *       {@code Failed}) adds its effective request, {@code pods=1} included, to its node's used,
 *       also while Terminating: its room is free only once it is gone. Pods of nodes not listed
 *       (deleted since) are ignored.
 *   <li>A pod without {@code spec.nodeName} that has not finished and is not being deleted is a
 *       {@link PendingPod}. It adds to no node: where it will go is the simulation's to decide.
 *   <li>ResourceQuotas and LimitRanges are kept by namespace.
 * </ul>
 */
public final class TargetSnapshotBuilder {

  private static final Comparator<PendingPod> BY_NAMESPACE_AND_NAME =
      Comparator.comparing(PendingPod::namespace).thenComparing(PendingPod::name);

  private final Map<String, SimNode> eligible = new TreeMap<>();
  private final Map<String, IneligibleNode> ineligible = new TreeMap<>();
  private final Map<String, ResourceVector> usedByNode = new HashMap<>();
  private final List<PendingPod> pending = new ArrayList<>();
  private final SortedMap<String, List<TargetQuota>> quotas = new TreeMap<>();
  private final SortedMap<String, List<JsonObject>> limitRanges = new TreeMap<>();

  /** Adds a Node. */
  public TargetSnapshotBuilder node(JsonObject node) {
    String name = name(node);
    List<String> reasons = new ArrayList<>();
    String ready =
        JsonPaths.objects(node, "status", "conditions").stream()
            .filter(condition -> JsonPaths.string(condition, "type").orElse("").equals("Ready"))
            .findFirst()
            .map(condition -> JsonPaths.string(condition, "status").orElse("Unknown"))
            .orElse(null);
    if (ready == null) {
      reasons.add("not Ready (no Ready condition)");
    } else if (!ready.equals("True")) {
      reasons.add("not Ready (Ready condition is " + ready + ")");
    }
    if (isTrue(node, "spec", "unschedulable")) {
      reasons.add("cordoned (spec.unschedulable)");
    }
    if (!reasons.isEmpty()) {
      ineligible.put(name, new IneligibleNode(name, String.join("; ", reasons)));
      return this;
    }
    ResourceVector allocatable;
    try {
      allocatable =
          JsonPaths.object(node, "status", "allocatable")
              .map(ResourceVector::parse)
              .orElse(ResourceVector.ZERO);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("node " + name + ": " + e.getMessage(), e);
    }
    NodeShape shape = new NodeShape(name, JsonPaths.labels(node), taints(node));
    eligible.put(name, new SimNode(shape, allocatable, ResourceVector.ZERO));
    return this;
  }

  /** Adds a Pod of any namespace. */
  public TargetSnapshotBuilder pod(JsonObject pod) {
    String phase = JsonPaths.string(pod, "status", "phase").orElse("");
    if (phase.equals("Succeeded") || phase.equals("Failed")) {
      return this;
    }
    String namespace = JsonPaths.string(pod, "metadata", "namespace").orElse("");
    String name = name(pod);
    String nodeName = JsonPaths.string(pod, "spec", "nodeName").orElse("");
    boolean deleting = JsonPaths.element(pod, "metadata", "deletionTimestamp").isPresent();
    if (nodeName.isEmpty() && deleting) {
      return this;
    }
    JsonObject spec = JsonPaths.object(pod, "spec").orElseGet(JsonObject::new);
    ResourceVector request;
    try {
      request = EffectivePodRequest.of(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pod " + namespace + "/" + name + ": " + e.getMessage(), e);
    }
    if (nodeName.isEmpty()) {
      pending.add(new PendingPod(namespace, name, request, PlacementRules.of(spec)));
    } else {
      usedByNode.merge(nodeName, request, ResourceVector::plus);
    }
    return this;
  }

  /** Adds a ResourceQuota. */
  public TargetSnapshotBuilder resourceQuota(JsonObject quota) {
    String name = name(quota);
    String namespace = JsonPaths.string(quota, "metadata", "namespace").orElse("");
    TargetQuota read;
    try {
      read =
          new TargetQuota(
              name,
              QuotaAmounts.parse(
                  JsonPaths.object(quota, "spec", "hard").orElseGet(JsonObject::new)),
              ResourceVector.of(
                  QuotaAmounts.parse(
                      JsonPaths.object(quota, "status", "used").orElseGet(JsonObject::new))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ResourceQuota " + namespace + "/" + name + ": " + e.getMessage(), e);
    }
    quotas.computeIfAbsent(namespace, key -> new ArrayList<>()).add(read);
    return this;
  }

  /** Adds a LimitRange. */
  public TargetSnapshotBuilder limitRange(JsonObject limitRange) {
    String namespace = JsonPaths.string(limitRange, "metadata", "namespace").orElse("");
    limitRanges.computeIfAbsent(namespace, key -> new ArrayList<>()).add(limitRange);
    return this;
  }

  public TargetSnapshot build() {
    List<SimNode> nodes =
        eligible.values().stream()
            .map(
                node ->
                    new SimNode(
                        node.shape(),
                        node.allocatable(),
                        usedByNode.getOrDefault(node.name(), ResourceVector.ZERO)))
            .toList();
    SortedMap<String, List<TargetQuota>> quotasByNamespace = new TreeMap<>();
    quotas.forEach(
        (namespace, list) ->
            quotasByNamespace.put(
                namespace, list.stream().sorted(Comparator.comparing(TargetQuota::name)).toList()));
    SortedMap<String, LimitRangeDefaults> defaults = new TreeMap<>();
    limitRanges.forEach(
        (namespace, list) -> defaults.put(namespace, LimitRangeDefaults.from(list)));
    return new TargetSnapshot(
        nodes,
        List.copyOf(ineligible.values()),
        quotasByNamespace,
        defaults,
        pending.stream().sorted(BY_NAMESPACE_AND_NAME).toList());
  }

  private static List<Taint> taints(JsonObject node) {
    return JsonPaths.objects(node, "spec", "taints").stream()
        .map(
            taint ->
                new Taint(
                    JsonPaths.string(taint, "key").orElse(""),
                    JsonPaths.string(taint, "value").orElse(""),
                    JsonPaths.string(taint, "effect").orElse("")))
        .toList();
  }

  private static boolean isTrue(JsonObject object, String... path) {
    return JsonPaths.element(object, path)
        .filter(value -> value.isJsonPrimitive() && value.getAsBoolean())
        .isPresent();
  }

  private static String name(JsonObject object) {
    return JsonPaths.string(object, "metadata", "name").orElse("");
  }
}
