package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many replicas of one workload may share a node. One when the replicas would collide there: a
 * container binds a host port (every container port is a host port under {@code hostNetwork}), or a
 * required pod anti-affinity on {@code kubernetes.io/hostname} selects the workload's own pods;
 * otherwise {@link Workload#UNLIMITED_PER_NODE}.
 *
 * <p>An anti-affinity term counts when it covers the workload's namespace: no {@code namespaces}
 * and no {@code namespaceSelector} (the pod's own namespace), {@code namespaces} naming it, or an
 * empty {@code namespaceSelector} (every namespace). A non-empty {@code namespaceSelector} is not
 * counted: it needs the target's namespace labels, which the demand does not see.
 */
final class PerNodeLimit {

  private static final String HOSTNAME = "kubernetes.io/hostname";

  private PerNodeLimit() {}

  static int of(JsonObject podSpec, String namespace, Map<String, String> templateLabels) {
    return usesHostPorts(podSpec) || avoidsItsOwnPods(podSpec, namespace, templateLabels)
        ? 1
        : Workload.UNLIMITED_PER_NODE;
  }

  /** The scheduler's NodePorts filter looks at the regular containers only. */
  private static boolean usesHostPorts(JsonObject podSpec) {
    boolean hostNetwork =
        JsonPaths.element(podSpec, "hostNetwork")
            .filter(value -> value.isJsonPrimitive() && value.getAsBoolean())
            .isPresent();
    return JsonPaths.objects(podSpec, "containers").stream()
        .flatMap(container -> JsonPaths.objects(container, "ports").stream())
        .anyMatch(
            port ->
                hostNetwork
                    || JsonPaths.element(port, "hostPort")
                        .filter(value -> value.getAsInt() > 0)
                        .isPresent());
  }

  private static boolean avoidsItsOwnPods(
      JsonObject podSpec, String namespace, Map<String, String> templateLabels) {
    return JsonPaths.objects(
            podSpec,
            "affinity",
            "podAntiAffinity",
            "requiredDuringSchedulingIgnoredDuringExecution")
        .stream()
        .filter(term -> JsonPaths.string(term, "topologyKey").filter(HOSTNAME::equals).isPresent())
        .filter(term -> coversNamespace(term, namespace))
        .anyMatch(
            term ->
                PodLabelSelector.read(JsonPaths.object(term, "labelSelector"))
                    .matches(templateLabels));
  }

  private static boolean coversNamespace(JsonObject term, String namespace) {
    List<String> names = new ArrayList<>();
    JsonPaths.array(term, "namespaces")
        .ifPresent(array -> array.forEach(name -> names.add(name.getAsString())));
    if (names.contains(namespace)) {
      return true;
    }
    Optional<JsonObject> selector = JsonPaths.object(term, "namespaceSelector");
    return selector.isPresent() ? selector.get().size() == 0 : names.isEmpty();
  }
}
