package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sandbox's simulated nodes ({@code --nodes N --node-cpu 8 --node-memory 32Gi}): {@code
 * node-1} to {@code node-N}, Ready and schedulable, with the given cpu and memory, 110 pods and
 * 100Gi of ephemeral storage as capacity and allocatable, the usual {@code kubernetes.io/hostname},
 * {@code kubernetes.io/os} and {@code kubernetes.io/arch} labels, an InternalIP address (from
 * 172.18.0.2, like a kind cluster) and a {@code /24} pod range (from 10.244.1.0/24). The objects
 * carry their status: create them, then write the status if the API server drops it on create.
 */
public final class NodeFactory {

  private static final long FIRST_NODE_ADDRESS = (172L << 24) | (18L << 16) | 2;
  private static final long POD_RANGES = (10L << 24) | (244L << 16);

  private final Clock clock;
  private final ResourceList size;
  private final List<JsonObject> taints;

  /**
   * @param cpu e.g. {@code 4} or {@code 3500m}
   * @param memory e.g. {@code 16Gi}
   * @throws IllegalArgumentException when a quantity does not parse
   */
  public NodeFactory(Clock clock, String cpu, String memory) {
    this(
        clock,
        ResourceList.of("cpu", cpu)
            .plus(ResourceList.of("memory", memory))
            .plus(ResourceList.of("ephemeral-storage", "100Gi"))
            .plus(ResourceList.of("pods", "110")),
        List.of());
  }

  private NodeFactory(Clock clock, ResourceList size, List<JsonObject> taints) {
    this.clock = clock;
    this.size = size;
    this.taints = taints;
  }

  /** A factory whose nodes also carry this taint. */
  public NodeFactory withTaint(String key, String value, String effect) {
    List<JsonObject> more = new ArrayList<>(taints);
    more.add(Taints.taint(key, value, effect));
    return new NodeFactory(clock, size, List.copyOf(more));
  }

  /** Nodes {@code node-1} to {@code node-<count>}. */
  public List<JsonObject> nodes(int count) {
    List<JsonObject> nodes = new ArrayList<>();
    for (int ordinal = 1; ordinal <= count; ordinal++) {
      nodes.add(node(ordinal));
    }
    return nodes;
  }

  /** Node {@code node-<ordinal>}, ordinal from 1. */
  public JsonObject node(int ordinal) {
    String name = "node-" + ordinal;
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    JsonObject labels = new JsonObject();
    labels.addProperty("beta.kubernetes.io/arch", "amd64");
    labels.addProperty("beta.kubernetes.io/os", "linux");
    labels.addProperty("kubernetes.io/arch", "amd64");
    labels.addProperty("kubernetes.io/hostname", name);
    labels.addProperty("kubernetes.io/os", "linux");
    metadata.add("labels", labels);

    String podRange = PodAddresses.format(POD_RANGES + 256L * ordinal) + "/24";
    JsonObject spec = new JsonObject();
    spec.addProperty("podCIDR", podRange);
    JsonArray podRanges = new JsonArray();
    podRanges.add(podRange);
    spec.add("podCIDRs", podRanges);
    spec.addProperty("unschedulable", false);
    if (!taints.isEmpty()) {
      JsonArray taintList = new JsonArray();
      taints.forEach(taint -> taintList.add(taint.deepCopy()));
      spec.add("taints", taintList);
    }

    JsonObject node = new JsonObject();
    node.addProperty("apiVersion", "v1");
    node.addProperty("kind", "Node");
    node.add("metadata", metadata);
    node.add("spec", spec);
    node.add("status", status(name, ordinal));
    return node;
  }

  private JsonObject status(String name, int ordinal) {
    String now = Times.now(clock);
    JsonObject status = new JsonObject();
    status.add("capacity", size.toJson());
    status.add("allocatable", size.toJson());
    JsonArray conditions = new JsonArray();
    conditions.add(
        condition(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
            now));
    conditions.add(
        condition(
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
            now));
    conditions.add(
        condition(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
            now));
    conditions.add(
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
    status.add("conditions", conditions);
    JsonArray addresses = new JsonArray();
    addresses.add(address("InternalIP", PodAddresses.format(FIRST_NODE_ADDRESS + ordinal - 1)));
    addresses.add(address("Hostname", name));
    status.add("addresses", addresses);
    JsonObject nodeInfo = new JsonObject();
    nodeInfo.addProperty("architecture", "amd64");
    nodeInfo.addProperty("containerRuntimeVersion", "containerd://1.7.24");
    nodeInfo.addProperty("kernelVersion", "6.1.0");
    nodeInfo.addProperty("kubeProxyVersion", "v1.32.0");
    nodeInfo.addProperty("kubeletVersion", "v1.32.0");
    nodeInfo.addProperty("operatingSystem", "linux");
    nodeInfo.addProperty("osImage", "Tugboat sandbox (simulated node)");
    status.add("nodeInfo", nodeInfo);
    return status;
  }

  private static JsonObject condition(
      String type, String status, String reason, String message, String now) {
    JsonObject condition = new JsonObject();
    condition.addProperty("type", type);
    condition.addProperty("status", status);
    condition.addProperty("lastHeartbeatTime", now);
    condition.addProperty("lastTransitionTime", now);
    condition.addProperty("reason", reason);
    condition.addProperty("message", message);
    return condition;
  }

  private static JsonObject address(String type, String address) {
    JsonObject entry = new JsonObject();
    entry.addProperty("type", type);
    entry.addProperty("address", address);
    return entry;
  }
}
