package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A node as the scheduler sees it during one pass: what it offers, and what the pods bound to it
 * (those that have not finished) already take. Pods bound during the pass are added, so that one
 * pass does not overbook a node.
 */
final class SchedulingNode {

  private final JsonObject node;
  private final Map<String, String> labels;
  private final ResourceList allocatable;
  private final List<JsonObject> pods = new ArrayList<>();
  private final List<JsonObject> podsWithAntiAffinity = new ArrayList<>();
  private final List<HostPorts.HostPort> ports = new ArrayList<>();
  private ResourceList requested = ResourceList.empty();
  private ResourceList scoringRequested = ResourceList.empty();

  SchedulingNode(JsonObject node) {
    this.node = node;
    this.labels = JsonFields.labels(node);
    this.allocatable = Nodes.allocatable(node);
  }

  void add(JsonObject pod) {
    pods.add(pod);
    if (!PodAntiAffinity.terms(pod).isEmpty()) {
      podsWithAntiAffinity.add(pod);
    }
    ports.addAll(HostPorts.of(pod));
    requested = requested.plus(PodRequests.requests(pod));
    scoringRequested = scoringRequested.plus(PodRequests.scoringRequests(pod));
  }

  JsonObject node() {
    return node;
  }

  String name() {
    return JsonFields.name(node);
  }

  Map<String, String> labels() {
    return labels;
  }

  ResourceList allocatable() {
    return allocatable;
  }

  ResourceList requested() {
    return requested;
  }

  ResourceList scoringRequested() {
    return scoringRequested;
  }

  List<JsonObject> pods() {
    return pods;
  }

  List<JsonObject> podsWithAntiAffinity() {
    return podsWithAntiAffinity;
  }

  List<HostPorts.HostPort> ports() {
    return ports;
  }
}
