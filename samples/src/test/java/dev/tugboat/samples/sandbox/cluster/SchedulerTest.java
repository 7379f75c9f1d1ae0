package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static dev.tugboat.samples.sandbox.cluster.Manifests.nodeNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private final Simulation cluster = new Simulation();

  SchedulerTest() {
    cluster.with(new Scheduler(cluster.clock));
  }

  @Test
  void spreadsPodsOverTheLeastAllocatedNodes() {
    nodes(new NodeFactory(cluster.clock, "4", "8Gi"), 3);
    cluster.create(Manifests.pod("big", "2"));
    cluster.settle();
    for (int i = 1; i <= 4; i++) {
      cluster.create(Manifests.pod("small-" + i, "500m"));
      cluster.settle();
    }

    assertThat(nodeOf("big")).isEqualTo("node-1");
    // node-1 is the fullest after "big"; ties go to the first node by name
    assertThat(List.of(nodeOf("small-1"), nodeOf("small-2"), nodeOf("small-3"), nodeOf("small-4")))
        .containsExactly("node-2", "node-3", "node-2", "node-3");
    JsonObject scheduled = JsonFields.objects(pod("big"), "status", "conditions").get(0);
    assertThat(scheduled)
        .isEqualTo(
            json(
                """
                {"type": "PodScheduled", "status": "True",
                 "lastTransitionTime": "2025-03-01T10:00:00Z"}
                """));
    assertThat(JsonFields.string(pod("big"), "status", "phase")).isEqualTo("Pending");
  }

  @Test
  void aPodThatFitsNowhereStaysPendingWithOneEvent() {
    nodes(new NodeFactory(cluster.clock, "2", "4Gi"), 3);
    for (int i = 1; i <= 3; i++) {
      cluster.create(Manifests.pod("web-" + i, "1500m"));
    }
    cluster.create(Manifests.pod("web-4", "1500m"));
    cluster.settle();
    cluster.clock.advance(java.time.Duration.ofMinutes(1));
    cluster.create(Manifests.pod("tiny", "100m")); // another pass of the scheduler
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod")))
        .containsExactly("node-1", "node-1", "node-2", "node-3", null);
    assertThat(JsonFields.object(pod("web-4"), "status"))
        .isEqualTo(
            json(
                """
                {"phase": "Pending",
                 "conditions": [{"type": "PodScheduled", "status": "False",
                   "lastTransitionTime": "2025-03-01T10:00:00Z", "reason": "Unschedulable",
                   "message": "0/3 nodes are available: 3 Insufficient cpu."}]}
                """));
    List<JsonObject> events = cluster.list("v1", "Event");
    assertThat(events).hasSize(1);
    JsonObject event = events.get(0);
    event.getAsJsonObject("metadata").remove("resourceVersion");
    event.getAsJsonObject("metadata").remove("uid");
    event.getAsJsonObject("metadata").remove("creationTimestamp");
    event.getAsJsonObject("metadata").remove("generation");
    event.getAsJsonObject("involvedObject").remove("uid");
    event.getAsJsonObject("involvedObject").remove("resourceVersion");
    assertThat(event)
        .isEqualTo(
            json(
                """
                {"apiVersion": "v1", "kind": "Event",
                 "metadata": {"name": "web-4.1828a57a24c24000", "namespace": "shop"},
                 "involvedObject": {"apiVersion": "v1", "kind": "Pod", "name": "web-4",
                                    "namespace": "shop"},
                 "reason": "FailedScheduling",
                 "message": "0/3 nodes are available: 3 Insufficient cpu.",
                 "source": {"component": "default-scheduler"},
                 "firstTimestamp": "2025-03-01T10:00:00Z",
                 "lastTimestamp": "2025-03-01T10:00:00Z",
                 "count": 1, "type": "Warning", "reportingComponent": "default-scheduler"}
                """));
  }

  @Test
  void theSameFailureAgainCountsOnTheSameEvent() {
    NodeFactory nodes = new NodeFactory(cluster.clock, "1", "4Gi");
    cluster.state.create(nodes.node(1));
    cluster.create(Manifests.pod("web", "2"));
    cluster.settle();
    cluster.clock.advance(java.time.Duration.ofSeconds(30));
    cluster.state.create(nodes.node(2));
    cluster.settle();
    cluster.clock.advance(java.time.Duration.ofSeconds(30));
    cluster.state.delete("v1", "Node", null, "node-2");
    cluster.settle();

    assertThat(cluster.list("v1", "Event"))
        .extracting(
            event -> JsonFields.string(event, "message"),
            event -> JsonFields.integer(event, 0, "count"),
            event -> JsonFields.string(event, "lastTimestamp"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "0/1 nodes are available: 1 Insufficient cpu.", 2L, "2025-03-01T10:01:00Z"),
            org.assertj.core.groups.Tuple.tuple(
                "0/2 nodes are available: 2 Insufficient cpu.", 1L, "2025-03-01T10:00:30Z"));
  }

  @Test
  void finishedPodsFreeTheirShare() {
    nodes(new NodeFactory(cluster.clock, "2", "4Gi"), 1);
    JsonObject done = cluster.create(Manifests.pod("done", "1500m"));
    cluster.create(Manifests.pod("next", "1500m"));
    cluster.settle();
    assertThat(nodeOf("next")).isNull();

    JsonObject finished = cluster.get("v1", "Pod", "shop", "done");
    finished.add("status", json("{\"phase\": \"Succeeded\"}"));
    cluster.state.updateStatus(finished);
    cluster.settle();

    assertThat(nodeOf("next")).isEqualTo("node-1");
    assertThat(JsonFields.name(done)).isEqualTo("done");
  }

  @Test
  void countsPodsAgainstAllocatablePods() {
    JsonObject node = new NodeFactory(cluster.clock, "8", "8Gi").node(1);
    node.getAsJsonObject("status").getAsJsonObject("allocatable").addProperty("pods", "2");
    cluster.state.create(node);
    for (String name : List.of("a", "b", "c")) {
      cluster.create(Manifests.pod(name, "100m"));
    }
    cluster.settle();

    assertThat(nodeNames(cluster.list("v1", "Pod"))).containsExactly("node-1", "node-1", null);
    assertThat(unschedulableMessage("c")).isEqualTo("0/1 nodes are available: 1 Too many pods.");
  }

  @Test
  void honoursNodeSelectorAndRequiredNodeAffinityOperators() {
    NodeFactory factory = new NodeFactory(cluster.clock, "4", "8Gi");
    cluster.state.create(labelled(factory.node(1), "\"disk\": \"ssd\", \"gen\": \"3\""));
    cluster.state.create(labelled(factory.node(2), "\"disk\": \"hdd\", \"gen\": \"5\""));
    cluster.state.create(labelled(factory.node(3), "\"gpu\": \"true\", \"gen\": \"7\""));
    cluster.create(withSpec("selector", "\"nodeSelector\": {\"disk\": \"hdd\"}"));
    cluster.create(
        withAffinity("in", "{\"key\": \"disk\", \"operator\": \"In\", \"values\": [\"ssd\"]}"));
    cluster.create(
        withAffinity(
            "notin-and-exists",
            "{\"key\": \"disk\", \"operator\": \"NotIn\", \"values\": [\"ssd\"]},"
                + " {\"key\": \"gen\", \"operator\": \"Exists\"}"));
    cluster.create(withAffinity("absent", "{\"key\": \"disk\", \"operator\": \"DoesNotExist\"}"));
    cluster.create(
        withAffinity("gt", "{\"key\": \"gen\", \"operator\": \"Gt\", \"values\": [\"6\"]}"));
    cluster.create(
        withAffinity("lt", "{\"key\": \"gen\", \"operator\": \"Lt\", \"values\": [\"4\"]}"));
    cluster.create(
        withAffinity("none", "{\"key\": \"gen\", \"operator\": \"Gt\", \"values\": [\"9\"]}"));
    cluster.settle();

    assertThat(nodeOf("selector")).isEqualTo("node-2");
    assertThat(nodeOf("in")).isEqualTo("node-1");
    assertThat(nodeOf("notin-and-exists")).isEqualTo("node-2");
    assertThat(nodeOf("absent")).isEqualTo("node-3");
    assertThat(nodeOf("gt")).isEqualTo("node-3");
    assertThat(nodeOf("lt")).isEqualTo("node-1");
    assertThat(unschedulableMessage("none"))
        .isEqualTo("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");
  }

  @Test
  void keepsOffTaintedCordonedAndNotReadyNodes() {
    NodeFactory factory = new NodeFactory(cluster.clock, "4", "8Gi");
    cluster.state.create(factory.withTaint("dedicated", "db", "NoSchedule").node(1));
    cluster.state.create(factory.withTaint("evict", null, "NoExecute").node(2));
    JsonObject cordoned = factory.node(3);
    cordoned.getAsJsonObject("spec").addProperty("unschedulable", true);
    cluster.state.create(cordoned);
    JsonObject notReady = factory.node(4);
    JsonFields.objects(notReady, "status", "conditions").get(3).addProperty("status", "False");
    cluster.state.create(notReady);
    cluster.create(Manifests.pod("plain", "100m"));
    cluster.settle();

    assertThat(unschedulableMessage("plain"))
        .isEqualTo(
            "0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: db},"
                + " 1 node(s) had untolerated taint {evict: },"
                + " 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: },"
                + " 1 node(s) were unschedulable.");

    cluster.state.create(factory.withTaint("soft", "x", "PreferNoSchedule").node(5));
    cluster.create(
        withSpec(
            "tolerant",
            "\"tolerations\": [{\"key\": \"dedicated\", \"operator\": \"Equal\", \"value\": \"db\","
                + " \"effect\": \"NoSchedule\"}]"));
    cluster.create(withSpec("tolerates-all", "\"tolerations\": [{\"operator\": \"Exists\"}]"));
    cluster.settle();

    assertThat(nodeOf("plain")).isEqualTo("node-5");
    assertThat(nodeOf("tolerant")).isEqualTo("node-1");
    // tolerating everything opens the cordoned and the not-ready node too; node-2 is least used
    assertThat(nodeOf("tolerates-all")).isEqualTo("node-2");
  }

  @Test
  void requiredPodAntiAffinityKeepsReplicasOnDifferentHosts() {
    nodes(new NodeFactory(cluster.clock, "4", "8Gi"), 2);
    String antiAffinity =
        """
        "affinity": {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
          {"labelSelector": {"matchLabels": {"role": "db"}},
           "topologyKey": "kubernetes.io/hostname"}]}}
        """;
    for (String name : List.of("db-1", "db-2", "db-3")) {
      JsonObject pod = json(withSpec(name, antiAffinity));
      JsonFields.child(JsonFields.child(pod, "metadata"), "labels").addProperty("role", "db");
      cluster.state.create(pod);
    }
    cluster.settle();

    assertThat(List.of(nodeOf("db-1"), nodeOf("db-2"))).containsExactly("node-1", "node-2");
    assertThat(unschedulableMessage("db-3"))
        .isEqualTo("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.");

    // a pod the db pods' terms select may not join them either
    JsonObject intruder = json(Manifests.pod("intruder", "100m"));
    JsonFields.child(JsonFields.child(intruder, "metadata"), "labels").addProperty("role", "db");
    cluster.state.create(intruder);
    cluster.settle();

    assertThat(unschedulableMessage("intruder"))
        .isEqualTo(
            "0/2 nodes are available: 2 node(s) didn't satisfy existing pods anti-affinity rules.");
  }

  @Test
  void hostPortsCannotBeSharedOnANode() {
    nodes(new NodeFactory(cluster.clock, "4", "8Gi"), 1);
    String port =
        "\"containers\": [{\"name\": \"app\", \"ports\": [{\"containerPort\": 80, \"hostPort\": 8080}]}]";
    cluster.create(withSpec("first", port));
    cluster.create(withSpec("second", port));
    cluster.create(withSpec("udp", port.replace("8080}", "8080, \"protocol\": \"UDP\"}")));
    cluster.settle();

    assertThat(nodeOf("first")).isEqualTo("node-1");
    assertThat(nodeOf("udp")).isEqualTo("node-1");
    assertThat(unschedulableMessage("second"))
        .isEqualTo(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod"
                + " ports.");
  }

  @Test
  void reportsEveryInsufficientResourceAndSortsReasons() {
    NodeFactory factory = new NodeFactory(cluster.clock, "1", "1Gi");
    cluster.state.create(factory.node(1));
    cluster.state.create(factory.node(2));
    cluster.state.create(factory.withTaint("dedicated", "db", "NoSchedule").node(3));
    cluster.create(
        withSpec(
            "huge",
            "\"containers\": [{\"name\": \"app\", \"resources\": {\"requests\":"
                + " {\"cpu\": \"2\", \"memory\": \"2Gi\", \"nvidia.com/gpu\": \"1\"}}}]"));
    cluster.create(withSpec("nowhere", "\"nodeName\": \"\", \"schedulerName\": \"custom\""));
    cluster.settle();

    assertThat(unschedulableMessage("huge"))
        .isEqualTo(
            "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db},"
                + " 2 Insufficient cpu, 2 Insufficient memory, 2 Insufficient nvidia.com/gpu.");
    // pods for another scheduler are left alone
    assertThat(pod("nowhere").has("status")).isFalse();
  }

  @Test
  void noNodesAtAll() {
    cluster.create(Manifests.pod("web", "100m"));
    cluster.settle();

    assertThat(unschedulableMessage("web")).isEqualTo("no nodes available to schedule pods");
  }

  private void nodes(NodeFactory factory, int count) {
    factory.nodes(count).forEach(cluster.state::create);
  }

  private JsonObject pod(String name) {
    return cluster.get("v1", "Pod", "shop", name);
  }

  private String nodeOf(String pod) {
    return JsonFields.string(pod(pod), "spec", "nodeName");
  }

  private String unschedulableMessage(String pod) {
    JsonObject condition = Conditions.find(pod(pod), "PodScheduled");
    assertThat(JsonFields.string(condition, "status")).isEqualTo("False");
    assertThat(JsonFields.string(condition, "reason")).isEqualTo("Unschedulable");
    return JsonFields.string(condition, "message");
  }

  private static JsonObject labelled(JsonObject node, String labels) {
    JsonObject copy = node.deepCopy();
    json("{" + labels + "}")
        .entrySet()
        .forEach(
            label ->
                copy.getAsJsonObject("metadata")
                    .getAsJsonObject("labels")
                    .add(label.getKey(), label.getValue()));
    return copy;
  }

  /** A 100m pod with these extra fields in its spec. */
  private static String withSpec(String name, String specFields) {
    JsonObject pod = json(Manifests.pod(name, "100m"));
    json("{" + specFields + "}")
        .entrySet()
        .forEach(field -> pod.getAsJsonObject("spec").add(field.getKey(), field.getValue()));
    return pod.toString();
  }

  private static String withAffinity(String name, String expressions) {
    return withSpec(
        name,
        """
        "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution":
          {"nodeSelectorTerms": [{"matchExpressions": [%s]}]}}}
        """
            .formatted(expressions));
  }
}
