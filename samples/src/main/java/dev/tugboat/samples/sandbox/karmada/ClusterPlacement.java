package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import dev.tugboat.samples.sandbox.cluster.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Karmada's scheduling, in the small: a binding goes to the clusters its policy names in {@code
 * clusterAffinity.clusterNames} when every one of them exists and is Ready (or to every Ready
 * cluster when it names none), else nowhere.
 *
 * @param clusters where the binding goes; empty when it cannot be scheduled
 * @param failure why it cannot be scheduled, naming the clusters at fault; null when scheduled
 */
record ClusterPlacement(List<String> clusters, String failure) {

  boolean scheduled() {
    return failure == null;
  }

  /** The Ready state of every member cluster, by name. */
  static Map<String, Boolean> readiness(ClusterState state) {
    Map<String, Boolean> ready = new TreeMap<>();
    for (JsonObject cluster :
        state.list(KarmadaApi.CLUSTER_API_VERSION, KarmadaApi.CLUSTER, null)) {
      ready.put(JsonFields.name(cluster), Conditions.isTrue(cluster, "Ready"));
    }
    return ready;
  }

  static ClusterPlacement of(PropagationPolicy policy, Map<String, Boolean> readiness) {
    if (policy.clusterNames().isEmpty()) {
      List<String> ready = new ArrayList<>();
      readiness.forEach(
          (name, isReady) -> {
            if (isReady) {
              ready.add(name);
            }
          });
      return ready.isEmpty()
          ? new ClusterPlacement(List.of(), "0/" + readiness.size() + " clusters are available")
          : new ClusterPlacement(ready, null);
    }
    List<String> problems = new ArrayList<>();
    for (String name : policy.clusterNames()) {
      Boolean ready = readiness.get(name);
      if (ready == null) {
        problems.add("cluster " + name + " does not exist");
      } else if (!ready) {
        problems.add("cluster " + name + " is not Ready");
      }
    }
    return problems.isEmpty()
        ? new ClusterPlacement(policy.clusterNames(), null)
        : new ClusterPlacement(
            List.of(),
            "0/" + readiness.size() + " clusters are available: " + String.join("; ", problems));
  }
}
