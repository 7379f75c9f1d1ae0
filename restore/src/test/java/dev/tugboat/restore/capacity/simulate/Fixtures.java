package dev.tugboat.restore.capacity.simulate;

import dev.tugboat.restore.capacity.model.NodeEligibility;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for the simulation's tests: cpu in millicores, memory in bytes. */
final class Fixtures {

  static final long GI = 1L << 30;

  /** Refuses a node with a repelling taint, as a rule without tolerations does. */
  static final NodeEligibility NO_TOLERATIONS =
      node ->
          node.taints().stream()
              .filter(Taint::repels)
              .findFirst()
              .map(
                  taint ->
                      "taint "
                          + taint.key()
                          + "="
                          + taint.value()
                          + ":"
                          + taint.effect()
                          + " not tolerated");

  private Fixtures() {}

  static ResourceVector resources(long cpu, long memory, long pods) {
    return ResourceVector.of(
        Map.of(ResourceVector.CPU, cpu, ResourceVector.MEMORY, memory, ResourceVector.PODS, pods));
  }

  static ResourceVector cpu(long millis) {
    return ResourceVector.of(ResourceVector.CPU, millis);
  }

  static SimNode node(String name, ResourceVector allocatable, ResourceVector used) {
    return new SimNode(new NodeShape(name, Map.of(), List.of()), allocatable, used);
  }

  static SimNode taintedNode(String name, ResourceVector allocatable, Taint taint) {
    return new SimNode(
        new NodeShape(name, Map.of(), List.of(taint)), allocatable, ResourceVector.ZERO);
  }

  static ReplicaGroup group(String application, int tier, int replicas, ResourceVector perReplica) {
    return new ReplicaGroup(
        application,
        "shop",
        tier,
        replicas,
        perReplica,
        NodeEligibility.ANY,
        ReplicaGroup.NO_PER_NODE_LIMIT);
  }

  static ReplicaGroup group(
      String application,
      int replicas,
      ResourceVector perReplica,
      NodeEligibility eligibility,
      int maxPerNode) {
    return new ReplicaGroup(application, "shop", 0, replicas, perReplica, eligibility, maxPerNode);
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
