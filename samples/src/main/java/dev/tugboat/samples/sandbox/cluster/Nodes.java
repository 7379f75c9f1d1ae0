package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.List;

/** What the scheduler, the kubelet and the DaemonSet controller ask about nodes. */
final class Nodes {

  private Nodes() {}

  static boolean isReady(JsonObject node) {
    return Conditions.isTrue(node, "Ready");
  }

  /**
   * The node's taints plus the one Kubernetes' node lifecycle controller puts on a node that is not
   * ready: {@code node.kubernetes.io/not-ready} when its Ready condition is False, {@code
   * node.kubernetes.io/unreachable} when it is Unknown or missing.
   */
  static List<JsonObject> effectiveTaints(JsonObject node) {
    List<JsonObject> taints = new ArrayList<>(JsonFields.objects(node, "spec", "taints"));
    JsonObject ready = Conditions.find(node, "Ready");
    String readyStatus = ready == null ? "Unknown" : JsonFields.string(ready, "status");
    if ("False".equals(readyStatus)) {
      taints.add(Taints.taint("node.kubernetes.io/not-ready", null, "NoSchedule"));
    } else if (!"True".equals(readyStatus)) {
      taints.add(Taints.taint("node.kubernetes.io/unreachable", null, "NoSchedule"));
    }
    return taints;
  }

  static boolean isUnschedulable(JsonObject node) {
    return JsonFields.bool(node, "spec", "unschedulable");
  }

  static ResourceList allocatable(JsonObject node) {
    return ResourceList.parse(JsonFields.object(node, "status", "allocatable"));
  }

  /** The node's {@code InternalIP} address, or null. */
  static String internalIp(JsonObject node) {
    for (JsonObject address : JsonFields.objects(node, "status", "addresses")) {
      if ("InternalIP".equals(JsonFields.string(address, "type"))) {
        return JsonFields.string(address, "address");
      }
    }
    return null;
  }
}
