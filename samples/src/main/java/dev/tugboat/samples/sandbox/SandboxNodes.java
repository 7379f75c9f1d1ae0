package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Creates the sandbox's nodes: {@code sandbox-node-1}, {@code sandbox-node-2}..., Ready and
 * schedulable, with the pool's allocatable CPU and memory and room for 110 pods.
 */
final class SandboxNodes {

  private SandboxNodes() {}

  static void create(SandboxOptions.NodePool pool, ClusterState state) {
    for (int i = 1; i <= pool.count(); i++) {
      state.create(node("sandbox-node-" + i, pool));
    }
  }

  private static JsonObject node(String name, SandboxOptions.NodePool pool) {
    JsonObject labels = new JsonObject();
    labels.addProperty("kubernetes.io/hostname", name);
    labels.addProperty("kubernetes.io/os", "linux");
    labels.addProperty("kubernetes.io/arch", "amd64");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.add("labels", labels);

    JsonObject resources = new JsonObject();
    resources.addProperty("cpu", pool.cpu());
    resources.addProperty("memory", pool.memory());
    resources.addProperty("pods", "110");
    JsonObject ready = new JsonObject();
    ready.addProperty("type", "Ready");
    ready.addProperty("status", "True");
    ready.addProperty("reason", "KubeletReady");
    ready.addProperty("message", "kubelet is posting ready status (simulated by the sandbox)");
    JsonArray conditions = new JsonArray();
    conditions.add(ready);
    JsonObject status = new JsonObject();
    status.add("capacity", resources);
    status.add("allocatable", resources.deepCopy());
    status.add("conditions", conditions);
    JsonObject nodeInfo = new JsonObject();
    nodeInfo.addProperty("kubeletVersion", DiscoveryDocuments.KUBERNETES_VERSION);
    nodeInfo.addProperty("operatingSystem", "linux");
    nodeInfo.addProperty("architecture", "amd64");
    status.add("nodeInfo", nodeInfo);

    JsonObject node = new JsonObject();
    node.addProperty("apiVersion", "v1");
    node.addProperty("kind", "Node");
    node.add("metadata", metadata);
    node.add("spec", new JsonObject());
    node.add("status", status);
    return node;
  }
}
