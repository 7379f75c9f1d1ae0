package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Required inter-pod anti-affinity ({@code podAntiAffinity.requiredDuringScheduling...}): a pod may
 * not share a topology domain (the nodes with the same value of the term's {@code topologyKey},
 * e.g. one node for {@code kubernetes.io/hostname}) with a pod its terms select, nor with a pod
 * whose terms select it. A term covers the pod's own namespace unless it lists {@code namespaces}
 * or has an empty {@code namespaceSelector} (all namespaces); a non-empty {@code namespaceSelector}
 * is not evaluated (the pod's own namespace stands in for it).
 */
final class PodAntiAffinity {

  /** The nodes whose label {@code topologyKey} has this value. */
  record Domain(String topologyKey, String value) {

    boolean contains(SchedulingNode node) {
      return value.equals(node.labels().get(topologyKey));
    }
  }

  private PodAntiAffinity() {}

  static List<JsonObject> terms(JsonObject pod) {
    return JsonFields.objects(
        pod,
        "spec",
        "affinity",
        "podAntiAffinity",
        "requiredDuringSchedulingIgnoredDuringExecution");
  }

  /** The domains that run a pod the pod's own terms select. */
  static Set<Domain> avoidedByPod(JsonObject pod, Collection<SchedulingNode> nodes) {
    Set<Domain> avoided = new HashSet<>();
    for (JsonObject term : terms(pod)) {
      String key = JsonFields.string(term, "topologyKey");
      for (SchedulingNode node : nodes) {
        String value = node.labels().get(key);
        if (value != null && node.pods().stream().anyMatch(other -> selects(term, pod, other))) {
          avoided.add(new Domain(key, value));
        }
      }
    }
    return avoided;
  }

  /** The domains that run a pod whose terms select this pod. */
  static Set<Domain> avoidedByOthers(JsonObject pod, Collection<SchedulingNode> nodes) {
    Set<Domain> avoided = new HashSet<>();
    for (SchedulingNode node : nodes) {
      for (JsonObject other : node.podsWithAntiAffinity()) {
        for (JsonObject term : terms(other)) {
          String key = JsonFields.string(term, "topologyKey");
          String value = node.labels().get(key);
          if (value != null && selects(term, other, pod)) {
            avoided.add(new Domain(key, value));
          }
        }
      }
    }
    return avoided;
  }

  static boolean inAny(Set<Domain> domains, SchedulingNode node) {
    return domains.stream().anyMatch(domain -> domain.contains(node));
  }

  /** Whether the term of {@code owner} selects {@code candidate}. */
  private static boolean selects(JsonObject term, JsonObject owner, JsonObject candidate) {
    List<String> namespaces = JsonFields.strings(term, "namespaces");
    JsonObject namespaceSelector = JsonFields.object(term, "namespaceSelector");
    String candidateNamespace = JsonFields.namespace(candidate);
    boolean namespaceCovered =
        !namespaces.isEmpty()
            ? namespaces.contains(candidateNamespace)
            : (namespaceSelector != null && namespaceSelector.size() == 0)
                || candidateNamespace.equals(JsonFields.namespace(owner));
    return namespaceCovered
        && Selectors.matches(
            JsonFields.object(term, "labelSelector"), JsonFields.labels(candidate));
  }
}
