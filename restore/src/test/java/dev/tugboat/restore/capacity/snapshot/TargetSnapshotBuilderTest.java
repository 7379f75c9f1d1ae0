package dev.tugboat.restore.capacity.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.demand.EffectivePodRequest;
import dev.tugboat.restore.capacity.demand.LimitRangeDefaults;
import dev.tugboat.restore.capacity.model.NodeShape;
import dev.tugboat.restore.capacity.model.Taint;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.SimNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetSnapshotBuilderTest {

  static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  static JsonObject node(String name, String ready, String extra) {
    return json(
        "{'kind':'Node','metadata':{'name':'"
            + name
            + "','labels':{'zone':'a'}},"
            + extra
            + "'status':{'allocatable':{'cpu':'4','memory':'8Gi','pods':'110',"
            + "'ephemeral-storage':'100Gi','hugepages-2Mi':'1Gi','nvidia.com/gpu':'2'},"
            + "'conditions':[{'type':'MemoryPressure','status':'False'},"
            + "{'type':'Ready','status':'"
            + ready
            + "'}]}}");
  }

  /** A pod with one container requesting {@code cpu} and {@code memory}. */
  static JsonObject pod(String namespace, String name, String nodeName, String phase, String cpu) {
    return json(
        "{'kind':'Pod','metadata':{'namespace':'"
            + namespace
            + "','name':'"
            + name
            + "'},'spec':{"
            + (nodeName == null ? "" : "'nodeName':'" + nodeName + "',")
            + "'containers':[{'name':'c','resources':{'requests':{'cpu':'"
            + cpu
            + "','memory':'1Gi'}}}]},'status':{'phase':'"
            + phase
            + "'}}");
  }

  private static final ResourceVector ALLOCATABLE =
      ResourceVector.of(
          Map.of(
              "cpu",
              4000L,
              "memory",
              8L << 30,
              "pods",
              110L,
              "ephemeral-storage",
              100L << 30,
              "hugepages-2Mi",
              1L << 30,
              "nvidia.com/gpu",
              2L));

  @Test
  void keepsReadyUncordonedNodesAndGivesTheReasonForTheOthers() {
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            .node(node("n2", "False", ""))
            .node(node("n1", "True", ""))
            .node(node("n3", "True", "'spec':{'unschedulable':true},"))
            .node(node("n4", "Unknown", "'spec':{'unschedulable':true},"))
            .node(json("{'metadata':{'name':'n5'},'status':{'allocatable':{'cpu':'1'}}}"))
            .build();

    assertThat(snapshot.nodes())
        .containsExactly(
            new SimNode(
                new NodeShape("n1", Map.of("zone", "a"), List.of()),
                ALLOCATABLE,
                ResourceVector.ZERO));
    assertThat(snapshot.ineligibleNodes())
        .containsExactly(
            new IneligibleNode("n2", "not Ready (Ready condition is False)"),
            new IneligibleNode("n3", "cordoned (spec.unschedulable)"),
            new IneligibleNode(
                "n4", "not Ready (Ready condition is Unknown); cordoned (spec.unschedulable)"),
            new IneligibleNode("n5", "not Ready (no Ready condition)"));
  }

  @Test
  void aTaintedNodeIsKeptWithItsTaints() {
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            .node(
                node(
                    "gpu",
                    "True",
                    "'spec':{'taints':[{'key':'dedicated','value':'gpu','effect':'NoSchedule'},"
                        + "{'key':'spot','effect':'PreferNoSchedule'}]},"))
            .build();

    assertThat(snapshot.nodes()).hasSize(1);
    assertThat(snapshot.nodes().get(0).shape().taints())
        .containsExactly(
            new Taint("dedicated", "gpu", "NoSchedule"), new Taint("spot", "", "PreferNoSchedule"));
    assertThat(snapshot.ineligibleNodes()).isEmpty();
  }

  @Test
  void boundPodsThatHaveNotFinishedAddTheirRequestsToTheirNode() {
    JsonObject terminating = pod("shop", "old", "n1", "Running", "250m");
    terminating.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-01-01T00:00Z");
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            // Pods may come before their node.
            .pod(pod("shop", "web", "n1", "Running", "500m"))
            .pod(terminating)
            .pod(pod("shop", "batch", "n1", "Succeeded", "2"))
            .pod(pod("shop", "crashed", "n1", "Failed", "2"))
            .pod(pod("shop", "starting", "n2", "Pending", "1"))
            .pod(pod("shop", "orphan", "gone", "Running", "1"))
            .node(node("n1", "True", ""))
            .node(node("n2", "True", ""))
            .build();

    assertThat(snapshot.nodes())
        .extracting(SimNode::used)
        .containsExactly(
            ResourceVector.of(Map.of("cpu", 750L, "memory", 2L << 30, "pods", 2L)),
            ResourceVector.of(Map.of("cpu", 1000L, "memory", 1L << 30, "pods", 1L)));
    assertThat(snapshot.pendingPods()).isEmpty();
  }

  @Test
  void unboundPodsArePendingDemandUnlessFinishedOrBeingDeleted() {
    JsonObject gpuPod =
        json(
            "{'metadata':{'namespace':'ml','name':'train'},'spec':{"
                + "'nodeSelector':{'accel':'gpu'},"
                + "'containers':[{'name':'c','resources':{'limits':{'nvidia.com/gpu':'1'}}}]},"
                + "'status':{'phase':'Pending'}}");
    JsonObject deleted = pod("shop", "gone", null, "Pending", "1");
    deleted.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-01-01T00:00Z");
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            .node(node("n1", "True", ""))
            .pod(pod("shop", "web-2", null, "Pending", "500m"))
            .pod(gpuPod)
            .pod(pod("shop", "web-1", null, "Pending", "500m"))
            .pod(pod("shop", "done", null, "Failed", "1"))
            .pod(deleted)
            .build();

    assertThat(snapshot.pendingPods())
        .extracting(pod -> pod.namespace() + "/" + pod.name() + " " + pod.request())
        .containsExactly(
            "ml/train nvidia.com/gpu=1 pods=1",
            "shop/web-1 cpu=500m memory=1Gi pods=1",
            "shop/web-2 cpu=500m memory=1Gi pods=1");
    NodeShape plain = snapshot.nodes().get(0).shape();
    assertThat(snapshot.pendingPods().get(0).eligibility().refusal(plain))
        .isEqualTo(Optional.of("node selector accel=gpu"));
    assertThat(snapshot.pendingPods().get(1).eligibility().refusal(plain)).isEmpty();
    assertThat(snapshot.nodes().get(0).used()).isEqualTo(ResourceVector.ZERO);
  }

  @Test
  void readsQuotaHardAndUsedByNamespace() {
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            .resourceQuota(
                json(
                    "{'metadata':{'namespace':'shop','name':'compute'},"
                        + "'spec':{'hard':{'requests.cpu':'4','requests.memory':'8Gi','pods':'0'}},"
                        + "'status':{'hard':{'requests.cpu':'4'},"
                        + "'used':{'requests.cpu':'1500m','requests.memory':'1Gi','pods':'0'}}}"))
            .resourceQuota(
                json("{'metadata':{'namespace':'blog','name':'new'},'spec':{'hard':{'pods':'5'}}}"))
            .build();

    assertThat(snapshot.quotas().keySet()).containsExactly("blog", "shop");
    assertThat(snapshot.quotas().get("shop"))
        .containsExactly(
            new TargetQuota(
                "compute",
                new TreeMap<>(
                    Map.of("requests.cpu", 4000L, "requests.memory", 8L << 30, "pods", 0L)),
                ResourceVector.of(Map.of("requests.cpu", 1500L, "requests.memory", 1L << 30))));
    assertThat(snapshot.quotas().get("blog"))
        .containsExactly(
            new TargetQuota("new", new TreeMap<>(Map.of("pods", 5L)), ResourceVector.ZERO));
    assertThat(snapshot.quotaIn("none")).isEmpty();
  }

  @Test
  void aNamespaceWithSeveralQuotasIsBoundByTheLeastRoomPerKey() {
    TargetSnapshot snapshot =
        new TargetSnapshotBuilder()
            .resourceQuota(
                json(
                    "{'metadata':{'namespace':'shop','name':'b'},"
                        + "'spec':{'hard':{'requests.cpu':'4','pods':'10'}},"
                        + "'status':{'used':{'requests.cpu':'3','pods':'2'}}}"))
            .resourceQuota(
                json(
                    "{'metadata':{'namespace':'shop','name':'a'},"
                        + "'spec':{'hard':{'requests.cpu':'8','pods':'5'}},"
                        + "'status':{'used':{'requests.cpu':'2','pods':'1'}}}"))
            .build();

    TargetQuota combined = snapshot.quotaIn("shop").orElseThrow();

    // cpu: b has 1 left, a has 6; pods: b has 8 left, a has 4.
    assertThat(combined)
        .isEqualTo(
            new TargetQuota(
                "a+b",
                new TreeMap<>(Map.of("requests.cpu", 4000L, "pods", 5L)),
                ResourceVector.of(Map.of("requests.cpu", 3000L, "pods", 1L))));
  }

  @Test
  void keepsTheLimitRangesOfEachNamespace() {
    JsonObject defaults =
        json(
            "{'metadata':{'namespace':'shop','name':'defaults'},'spec':{'limits':[{'type':"
                + "'Container','defaultRequest':{'cpu':'200m','memory':'256Mi'}}]}}");
    JsonObject requestless = json("{'containers':[{'name':'c','image':'nginx'}]}");
    TargetSnapshot snapshot = new TargetSnapshotBuilder().limitRange(defaults).build();

    assertThat(snapshot.limitRanges().keySet()).containsExactly("shop");
    assertThat(EffectivePodRequest.withLimitRange(requestless, snapshot.limitRangeIn("shop")))
        .isEqualTo(ResourceVector.of(Map.of("cpu", 200L, "memory", 256L << 20, "pods", 1L)));
    assertThat(snapshot.limitRangeIn("blog")).isSameAs(LimitRangeDefaults.NONE);
  }

  @Test
  void namesThePodWhoseRequestIsNotAQuantity() {
    TargetSnapshotBuilder builder = new TargetSnapshotBuilder();

    assertThatThrownBy(() -> builder.pod(pod("shop", "web", "n1", "Running", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pod shop/web: resource 'cpu' is not a quantity: 'lots'");
  }
}
