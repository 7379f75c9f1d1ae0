package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.nodeNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import org.junit.jupiter.api.Test;

class DaemonSetControllerTest {

  private final Simulation cluster = new Simulation();
  private final NodeFactory nodes = new NodeFactory(cluster.clock, "4", "8Gi");

  DaemonSetControllerTest() {
    cluster
        .with(new DaemonSetController(cluster.clock))
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock));
  }

  @Test
  void runsOnePodOnEveryNodeItsTemplateAdmits() {
    cluster.state.create(nodes.node(1));
    JsonObject cordoned = nodes.node(2);
    cordoned.getAsJsonObject("spec").addProperty("unschedulable", true);
    cluster.state.create(cordoned);
    cluster.state.create(nodes.withTaint("dedicated", "gpu", "NoSchedule").node(3));
    JsonObject windows = nodes.node(4);
    windows
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .addProperty("kubernetes.io/os", "windows");
    cluster.state.create(windows);
    cluster.create(daemonSet(""));
    cluster.settle();

    // the cordoned node gets one too: daemon pods tolerate node.kubernetes.io/unschedulable
    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactlyInAnyOrder("node-1", "node-2");
    JsonObject pod = cluster.list("v1", "Pod").get(0);
    assertThat(JsonFields.name(pod)).matches("agent-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(
            JsonFields.object(
                pod,
                "spec",
                "affinity",
                "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution"))
        .isEqualTo(
            json(
                """
                {"nodeSelectorTerms": [{"matchFields": [
                  {"key": "metadata.name", "operator": "In", "values": ["%s"]}]}]}
                """
                    .formatted(JsonFields.string(pod, "spec", "nodeName"))));
    assertThat(JsonFields.objects(pod, "spec", "tolerations")).hasSize(6);
    assertThat(status())
        .isEqualTo(
            json(
                """
                {"currentNumberScheduled": 2, "numberMisscheduled": 0, "desiredNumberScheduled": 2,
                 "numberReady": 2, "observedGeneration": 1, "updatedNumberScheduled": 2,
                 "numberAvailable": 2}
                """));
  }

  @Test
  void followsNodesComingAndGoing() {
    cluster.state.create(nodes.node(1));
    cluster.create(daemonSet(""));
    cluster.settle();
    cluster.state.create(nodes.node(2));
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactlyInAnyOrder("node-1", "node-2");

    cluster.state.delete("v1", "Node", null, "node-1");
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactly("node-2");
    assertThat(JsonFields.integer(status(), -1, "desiredNumberScheduled")).isEqualTo(1);
  }

  @Test
  void tolerationsOpenTaintedNodesAndATaintLaterAddedEvictsOnlyWithNoExecute() {
    cluster.state.create(nodes.withTaint("dedicated", "gpu", "NoSchedule").node(1));
    cluster.state.create(nodes.node(2));
    cluster.create(
        daemonSet(", \"tolerations\": [{\"key\": \"dedicated\", \"operator\": \"Exists\"}]"));
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactlyInAnyOrder("node-1", "node-2");

    JsonObject node = cluster.get("v1", "Node", null, "node-2");
    node.getAsJsonObject("spec")
        .add("taints", Manifests.array("[{\"key\": \"maintenance\", \"effect\": \"NoSchedule\"}]"));
    cluster.state.update(node);
    cluster.settle();

    // NoSchedule keeps new pods away but lets the running one stay
    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactlyInAnyOrder("node-1", "node-2");
    assertThat(status().get("numberMisscheduled").getAsInt()).isEqualTo(1);

    node = cluster.get("v1", "Node", null, "node-2");
    node.getAsJsonObject("spec")
        .add("taints", Manifests.array("[{\"key\": \"maintenance\", \"effect\": \"NoExecute\"}]"));
    cluster.state.update(node);
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactly("node-1");
    assertThat(status().get("numberMisscheduled").getAsInt()).isZero();
  }

  private static String daemonSet(String extraSpec) {
    return """
        {"apiVersion": "apps/v1", "kind": "DaemonSet",
         "metadata": {"name": "agent", "namespace": "shop"},
         "spec": {"selector": {"matchLabels": {"app": "agent"}},
           "template": {"metadata": {"labels": {"app": "agent"}},
             "spec": {"nodeSelector": {"kubernetes.io/os": "linux"},
                      "containers": [{"name": "agent", "image": "agent:1",
                                      "resources": {"requests": {"cpu": "100m"}}}]%s}}}}
        """
        .formatted(extraSpec);
  }

  private JsonObject status() {
    return JsonFields.object(cluster.get("apps/v1", "DaemonSet", "shop", "agent"), "status");
  }
}
