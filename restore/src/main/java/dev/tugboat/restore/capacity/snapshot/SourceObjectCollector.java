package dev.tugboat.restore.capacity.snapshot;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.demand.WorkloadReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gathers {@link SourceObjects} one object at a time, keeping only what the demand is computed
 * from: a workload-type object only when it runs pods of its own ({@link WorkloadReader}), which
 * leaves out the many pods and old ReplicaSets that controllers own and the finished pods and Jobs;
 * and of each object kept, not its {@code metadata.managedFields} nor its {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation, which can be larger than the rest.
 */
final class SourceObjectCollector {

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final SortedMap<String, List<JsonObject>> workloads = new TreeMap<>();
  private final SortedMap<String, List<JsonObject>> autoscalers = new TreeMap<>();
  private final SortedMap<String, List<JsonObject>> disruptionBudgets = new TreeMap<>();

  /**
   * @param groupResource one of {@link SourceObjects#TYPES}
   * @throws IllegalArgumentException naming the object when it is not a sound workload
   */
  void add(String groupResource, JsonObject object) {
    SortedMap<String, List<JsonObject>> kept;
    if (groupResource.equals(SourceObjects.AUTOSCALERS)) {
      kept = autoscalers;
    } else if (groupResource.equals(SourceObjects.DISRUPTION_BUDGETS)) {
      kept = disruptionBudgets;
    } else if (SourceObjects.WORKLOAD_TYPES.contains(groupResource)) {
      if (!runsPodsOfItsOwn(groupResource, object)) {
        return;
      }
      kept = workloads;
    } else {
      throw new IllegalArgumentException(
          groupResource + " is not one of the types demand is computed from");
    }
    JsonPaths.remove(object, "metadata", "managedFields");
    JsonPaths.remove(object, "metadata", "annotations", LAST_APPLIED);
    String namespace = JsonPaths.string(object, "metadata", "namespace").orElse("");
    kept.computeIfAbsent(namespace, key -> new ArrayList<>()).add(object);
  }

  SourceObjects build() {
    return new SourceObjects(workloads, autoscalers, disruptionBudgets);
  }

  private static boolean runsPodsOfItsOwn(String groupResource, JsonObject object) {
    try {
      return WorkloadReader.read(object).isPresent();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          groupResource
              + " "
              + JsonPaths.string(object, "metadata", "namespace").orElse("")
              + "/"
              + JsonPaths.string(object, "metadata", "name").orElse("")
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
