package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Whether one pending pod fits on a node: the scheduler's filters, each failure worded as
 * Kubernetes words it in {@code FailedScheduling} messages. What depends only on the pod and the
 * cluster (requests, anti-affinity domains) is worked out once, when it is created.
 */
final class PodFit {

  private final JsonObject spec;
  private final ResourceList requests;
  private final ResourceList scoringRequests;
  private final List<HostPorts.HostPort> ports;
  private final List<JsonObject> tolerations;
  private final Set<PodAntiAffinity.Domain> avoidedByPod;
  private final Set<PodAntiAffinity.Domain> avoidedByOthers;

  PodFit(JsonObject pod, Collection<SchedulingNode> nodes) {
    JsonObject podSpec = JsonFields.object(pod, "spec");
    this.spec = podSpec == null ? new JsonObject() : podSpec;
    this.requests = PodRequests.requests(pod);
    this.scoringRequests = PodRequests.scoringRequests(pod);
    this.ports = HostPorts.of(pod);
    this.tolerations = JsonFields.objects(spec, "tolerations");
    this.avoidedByPod = PodAntiAffinity.avoidedByPod(pod, nodes);
    this.avoidedByOthers = PodAntiAffinity.avoidedByOthers(pod, nodes);
  }

  ResourceList scoringRequests() {
    return scoringRequests;
  }

  /** Why the pod cannot go to this node; empty when it can. */
  List<String> reasons(SchedulingNode node) {
    JsonObject json = node.node();
    if (Nodes.isUnschedulable(json)
        && tolerations.stream()
            .noneMatch(
                toleration ->
                    Taints.tolerates(
                        toleration,
                        Taints.taint("node.kubernetes.io/unschedulable", null, "NoSchedule")))) {
      return List.of("node(s) were unschedulable");
    }
    JsonObject taint =
        Taints.firstUntolerated(
            Nodes.effectiveTaints(json), tolerations, Taints.SCHEDULING_EFFECTS);
    if (taint != null) {
      String value = JsonFields.string(taint, "value");
      return List.of(
          "node(s) had untolerated taint {"
              + JsonFields.string(taint, "key")
              + ": "
              + (value == null ? "" : value)
              + "}");
    }
    if (!NodeAffinity.matches(spec, json)) {
      return List.of("node(s) didn't match Pod's node affinity/selector");
    }
    if (HostPorts.conflict(ports, node.ports())) {
      return List.of("node(s) didn't have free ports for the requested pod ports");
    }
    List<String> insufficient = insufficientResources(node);
    if (!insufficient.isEmpty()) {
      return insufficient;
    }
    if (PodAntiAffinity.inAny(avoidedByPod, node)) {
      return List.of("node(s) didn't match pod anti-affinity rules");
    }
    if (PodAntiAffinity.inAny(avoidedByOthers, node)) {
      return List.of("node(s) didn't satisfy existing pods anti-affinity rules");
    }
    return List.of();
  }

  /** Kubernetes' NodeResourcesFit: {@code Too many pods}, {@code Insufficient cpu}... */
  private List<String> insufficientResources(SchedulingNode node) {
    List<String> reasons = new ArrayList<>();
    long podLimit = node.allocatable().amount("pods").longValue();
    if (node.pods().size() + 1 > podLimit) {
      reasons.add("Too many pods");
    }
    for (String resource : requests.names()) {
      BigDecimal wanted = requests.amount(resource);
      BigDecimal free =
          node.allocatable().amount(resource).subtract(node.requested().amount(resource));
      if (!resource.equals("pods") && wanted.signum() > 0 && wanted.compareTo(free) > 0) {
        reasons.add("Insufficient " + resource);
      }
    }
    return reasons;
  }
}
