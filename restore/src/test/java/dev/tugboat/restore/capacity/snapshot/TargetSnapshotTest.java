package dev.tugboat.restore.capacity.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.demand.PlacementRules;
import dev.tugboat.restore.capacity.resources.ResourceVector;
import dev.tugboat.restore.capacity.simulate.ReplicaGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetSnapshotTest {

  private static final ResourceVector SMALL =
      ResourceVector.of(Map.of(ResourceVector.CPU, 100L, ResourceVector.PODS, 1L));
  private static final ResourceVector LARGE =
      ResourceVector.of(Map.of(ResourceVector.CPU, 2000L, ResourceVector.PODS, 1L));

  @Test
  void identicalPendingPodsMakeOneGroupInTheOrderFirstSeen() {
    PlacementRules anywhere = PlacementRules.of(new JsonObject());
    // equal rules read from two pods are one rule
    PlacementRules gpu = rules("{'nodeSelector':{'gpu':'yes'}}");
    PlacementRules gpuAgain = rules("{'nodeSelector':{'gpu':'yes'}}");
    TargetSnapshot snapshot =
        new TargetSnapshot(
            List.of(),
            List.of(),
            new TreeMap<>(),
            new TreeMap<>(),
            List.of(
                new PendingPod("shop", "web-1", SMALL, anywhere),
                new PendingPod("shop", "train-1", LARGE, gpu),
                new PendingPod("shop", "web-2", SMALL, anywhere),
                new PendingPod("blog", "web-1", SMALL, anywhere),
                new PendingPod("shop", "train-2", LARGE, gpuAgain),
                new PendingPod("shop", "web-3", SMALL, anywhere)));

    assertThat(snapshot.pendingPodGroups())
        .containsExactly(
            new ReplicaGroup(
                "pending pods", "shop", 0, 3, SMALL, anywhere, ReplicaGroup.NO_PER_NODE_LIMIT),
            new ReplicaGroup(
                "pending pods", "shop", 0, 2, LARGE, gpu, ReplicaGroup.NO_PER_NODE_LIMIT),
            new ReplicaGroup(
                "pending pods", "blog", 0, 1, SMALL, anywhere, ReplicaGroup.NO_PER_NODE_LIMIT));
  }

  @Test
  void noPendingPodsMakeNoGroup() {
    TargetSnapshot snapshot =
        new TargetSnapshot(List.of(), List.of(), new TreeMap<>(), new TreeMap<>(), List.of());

    assertThat(snapshot.pendingPodGroups()).isEmpty();
  }

  private static PlacementRules rules(String spec) {
    return PlacementRules.of(JsonParser.parseString(spec).getAsJsonObject());
  }
}
