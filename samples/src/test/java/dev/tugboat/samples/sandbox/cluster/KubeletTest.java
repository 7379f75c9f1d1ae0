package dev.tugboat.samples.sandbox.cluster;

import static dev.tugboat.samples.sandbox.cluster.Manifests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KubeletTest {

  private final Simulation cluster = new Simulation();

  @Test
  void startsABoundPodAfterTheStartDelay() {
    cluster
        .with(new Scheduler(cluster.clock))
        .with(new Kubelet(cluster.clock, Duration.ofMillis(100), Duration.ofSeconds(5)));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(1).forEach(cluster.state::create);
    JsonObject pod = json(Manifests.pod("web", "100m"));
    pod.getAsJsonObject("spec")
        .add(
            "initContainers",
            Manifests.array(
                """
                [{"name": "setup", "image": "busybox"},
                 {"name": "proxy", "image": "envoy", "restartPolicy": "Always"}]
                """));
    pod.getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .add(json("{\"name\": \"aaa-log\", \"image\": \"fluent-bit\"}"));
    cluster.state.create(pod);
    cluster.settle();

    assertThat(Pods.phase(web())).isEqualTo("Pending");
    assertThat(cluster.nextDue()).contains(Duration.ofMillis(100));

    cluster.advance(Duration.ofMillis(99));
    assertThat(Pods.phase(web())).isEqualTo("Pending");

    cluster.advance(Duration.ofMillis(1));
    JsonObject status = JsonFields.object(web(), "status");
    String setupId = containerId("setup");
    String proxyId = containerId("proxy");
    String logId = containerId("aaa-log");
    String appId = containerId("app");
    assertThat(status)
        .isEqualTo(
            json(
                """
                {"phase": "Running",
                 "conditions": [
                   {"type": "PodScheduled", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"},
                   {"type": "PodReadyToStartContainers", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"},
                   {"type": "Initialized", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"},
                   {"type": "Ready", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"},
                   {"type": "ContainersReady", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"}],
                 "hostIP": "172.18.0.2", "hostIPs": [{"ip": "172.18.0.2"}],
                 "podIP": "10.244.1.1", "podIPs": [{"ip": "10.244.1.1"}],
                 "startTime": "2025-03-01T10:00:00Z",
                 "initContainerStatuses": [
                   {"name": "setup", "state": {"terminated": {"exitCode": 0, "reason": "Completed",
                      "startedAt": "2025-03-01T10:00:00Z", "finishedAt": "2025-03-01T10:00:00Z"}},
                    "lastState": {}, "ready": true, "restartCount": 0, "image": "busybox",
                    "imageID": "", "containerID": "%s", "started": false},
                   {"name": "proxy", "state": {"running": {"startedAt": "2025-03-01T10:00:00Z"}},
                    "lastState": {}, "ready": true, "restartCount": 0, "image": "envoy",
                    "imageID": "", "containerID": "%s", "started": true}],
                 "containerStatuses": [
                   {"name": "aaa-log", "state": {"running": {"startedAt": "2025-03-01T10:00:00Z"}},
                    "lastState": {}, "ready": true, "restartCount": 0, "image": "fluent-bit",
                    "imageID": "", "containerID": "%s", "started": true},
                   {"name": "app", "state": {"running": {"startedAt": "2025-03-01T10:00:00Z"}},
                    "lastState": {}, "ready": true, "restartCount": 0, "image": "nginx:1.27",
                    "imageID": "", "containerID": "%s", "started": true}]}
                """
                    .formatted(setupId, proxyId, logId, appId)));
    assertThat(appId).matches("containerd://[0-9a-f]{64}").isNotEqualTo(logId);
    assertThat(cluster.nextDue()).isEmpty(); // not a job pod: nothing more to do
  }

  @Test
  void givesEachPodOnANodeItsOwnAddress() {
    cluster.with(new Scheduler(cluster.clock)).with(new Kubelet(cluster.clock));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(2).forEach(cluster.state::create);
    for (String name : new String[] {"a", "b", "c"}) {
      cluster.create(Manifests.pod(name, "100m"));
    }
    cluster.settle();

    assertThat(cluster.list("v1", "Pod"))
        .extracting(
            pod -> JsonFields.string(pod, "spec", "nodeName"),
            pod -> JsonFields.string(pod, "status", "podIP"),
            pod -> JsonFields.string(pod, "status", "hostIP"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("node-1", "10.244.1.1", "172.18.0.2"),
            org.assertj.core.groups.Tuple.tuple("node-2", "10.244.2.1", "172.18.0.3"),
            org.assertj.core.groups.Tuple.tuple("node-1", "10.244.1.2", "172.18.0.2"));
  }

  @Test
  void finishesJobPodsAfterTheirRunTime() {
    cluster.with(new Kubelet(cluster.clock, Duration.ZERO, Duration.ofSeconds(30)));
    new NodeFactory(cluster.clock, "4", "8Gi").nodes(1).forEach(cluster.state::create);
    JsonObject pod = json(Manifests.pod("job-abcde", "100m"));
    pod.getAsJsonObject("spec").addProperty("nodeName", "node-1");
    pod.getAsJsonObject("spec").addProperty("restartPolicy", "Never");
    pod.getAsJsonObject("metadata")
        .add(
            "ownerReferences",
            Manifests.array(
                """
                [{"apiVersion": "batch/v1", "kind": "Job", "name": "job", "uid": "1234",
                  "controller": true}]
                """));
    cluster.state.create(pod);
    cluster.settle();

    assertThat(Pods.phase(job())).isEqualTo("Running");
    assertThat(cluster.nextDue()).contains(Duration.ofSeconds(30));

    cluster.advance(Duration.ofSeconds(29));
    assertThat(Pods.phase(job())).isEqualTo("Running");

    cluster.advance(Duration.ofSeconds(1));
    JsonObject status = JsonFields.object(job(), "status");
    assertThat(status.get("phase").getAsString()).isEqualTo("Succeeded");
    assertThat(status.get("conditions"))
        .isEqualTo(
            Manifests.array(
                """
                [{"type": "PodReadyToStartContainers", "status": "False", "lastTransitionTime": "2025-03-01T10:00:30Z"},
                 {"type": "Initialized", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z", "reason": "PodCompleted"},
                 {"type": "Ready", "status": "False", "lastTransitionTime": "2025-03-01T10:00:30Z", "reason": "PodCompleted"},
                 {"type": "ContainersReady", "status": "False", "lastTransitionTime": "2025-03-01T10:00:30Z", "reason": "PodCompleted"},
                 {"type": "PodScheduled", "status": "True", "lastTransitionTime": "2025-03-01T10:00:00Z"}]
                """));
    assertThat(JsonFields.objects(status, "containerStatuses").get(0).get("state"))
        .isEqualTo(
            json(
                """
                {"terminated": {"exitCode": 0, "reason": "Completed",
                  "startedAt": "2025-03-01T10:00:00Z", "finishedAt": "2025-03-01T10:00:30Z"}}
                """));
    assertThat(cluster.nextDue()).isEmpty();
  }

  @Test
  void leavesPodsOnNodesThatAreNotReady() {
    cluster.with(new Kubelet(cluster.clock));
    JsonObject node = new NodeFactory(cluster.clock, "4", "8Gi").node(1);
    JsonFields.objects(node, "status", "conditions").get(3).addProperty("status", "Unknown");
    cluster.state.create(node);
    JsonObject pod = json(Manifests.pod("web", "100m"));
    pod.getAsJsonObject("spec").addProperty("nodeName", "node-1");
    cluster.state.create(pod);
    cluster.settle();

    assertThat(web().has("status")).isFalse();
  }

  private JsonObject web() {
    return cluster.get("v1", "Pod", "shop", "web");
  }

  private JsonObject job() {
    return cluster.get("v1", "Pod", "shop", "job-abcde");
  }

  private String containerId(String container) {
    JsonObject status = JsonFields.object(web(), "status");
    for (String list : new String[] {"containerStatuses", "initContainerStatuses"}) {
      for (JsonObject entry : JsonFields.objects(status, list)) {
        if (container.equals(JsonFields.string(entry, "name"))) {
          return JsonFields.string(entry, "containerID");
        }
      }
    }
    throw new AssertionError("no status for container " + container);
  }
}
