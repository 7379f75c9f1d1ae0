package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import org.junit.jupiter.api.Test;

class NodeFactoryTest {

  private final MutableClock clock = new MutableClock(Simulation.START);

  @Test
  void buildsAReadySchedulableNode() {
    JsonObject node = new NodeFactory(clock, "4", "16Gi").node(2);

    assertThat(node)
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "Node",
                 "metadata": {"name": "node-2", "labels": {
                   "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
                   "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": "node-2",
                   "kubernetes.io/os": "linux"}},
                 "spec": {"podCIDR": "10.244.2.0/24", "podCIDRs": ["10.244.2.0/24"],
                          "unschedulable": false},
                 "status": {
                   "capacity": {"cpu": "4", "ephemeral-storage": "100Gi", "memory": "16Gi",
                                "pods": "110"},
                   "allocatable": {"cpu": "4", "ephemeral-storage": "100Gi", "memory": "16Gi",
                                   "pods": "110"},
                   "conditions": [
                     {"type": "MemoryPressure", "status": "False",
                      "lastHeartbeatTime": "2025-03-01T10:00:00Z",
                      "lastTransitionTime": "2025-03-01T10:00:00Z",
                      "reason": "KubeletHasSufficientMemory",
                      "message": "kubelet has sufficient memory available"},
                     {"type": "DiskPressure", "status": "False",
                      "lastHeartbeatTime": "2025-03-01T10:00:00Z",
                      "lastTransitionTime": "2025-03-01T10:00:00Z",
                      "reason": "KubeletHasNoDiskPressure",
                      "message": "kubelet has no disk pressure"},
                     {"type": "PIDPressure", "status": "False",
                      "lastHeartbeatTime": "2025-03-01T10:00:00Z",
                      "lastTransitionTime": "2025-03-01T10:00:00Z",
                      "reason": "KubeletHasSufficientPID",
                      "message": "kubelet has sufficient PID available"},
                     {"type": "Ready", "status": "True",
                      "lastHeartbeatTime": "2025-03-01T10:00:00Z",
                      "lastTransitionTime": "2025-03-01T10:00:00Z",
                      "reason": "KubeletReady", "message": "kubelet is posting ready status"}],
                   "addresses": [{"type": "InternalIP", "address": "172.18.0.3"},
                                 {"type": "Hostname", "address": "node-2"}],
                   "nodeInfo": {"architecture": "amd64",
                                "containerRuntimeVersion": "containerd://1.7.24",
                                "kernelVersion": "6.1.0", "kubeProxyVersion": "v1.32.0",
                                "kubeletVersion": "v1.32.0", "operatingSystem": "linux",
                                "osImage": "Tugboat sandbox (simulated node)"}}}
                """));
  }

  @Test
  void numbersNodesFromOneAndWritesQuantitiesCanonically() {
    NodeFactory factory = new NodeFactory(clock, "1.5", "4096Mi");

    assertThat(names(factory.nodes(3))).containsExactly("node-1", "node-2", "node-3");
    assertThat(JsonFields.object(factory.node(1), "status", "allocatable"))
        .isEqualTo(
            json(
                "{\"cpu\": \"1500m\", \"ephemeral-storage\": \"100Gi\", \"memory\": \"4Gi\","
                    + " \"pods\": \"110\"}"));
  }

  @Test
  void addsTaints() {
    NodeFactory factory =
        new NodeFactory(clock, "4", "8Gi")
            .withTaint("dedicated", "db", "NoSchedule")
            .withTaint("spot", null, "PreferNoSchedule");

    assertThat(factory.node(1).getAsJsonObject("spec").get("taints"))
        .isEqualTo(
            Manifests.array(
                """
                [{"key": "dedicated", "value": "db", "effect": "NoSchedule"},
                 {"key": "spot", "effect": "PreferNoSchedule"}]
                """));
  }

  @Test
  void refusesAMalformedSize() {
    assertThatThrownBy(() -> new NodeFactory(clock, "four", "8Gi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity \"four\" of resource cpu is not a Kubernetes quantity");
  }
}
