package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** What controllers ask about pods. */
final class Pods {

  /**
   * The order in which controllers delete surplus pods, most expendable first, after the ReplicaSet
   * controller's ranking: unscheduled before scheduled, pending before running, not ready before
   * ready, then the newest first.
   */
  static final Comparator<JsonObject> DELETION_ORDER =
      Comparator.<JsonObject, Boolean>comparing(pod -> nodeName(pod) != null)
          .thenComparing(pod -> "Running".equals(phase(pod)))
          .thenComparing(Pods::isReady)
          .thenComparing(
              pod -> JsonFields.string(pod, "metadata", "creationTimestamp"),
              Comparator.nullsLast(Comparator.<String>reverseOrder()))
          .thenComparing(JsonFields::name, Comparator.reverseOrder());

  private Pods() {}

  /** {@code status.phase}; a pod the API server has not given a phase yet is Pending. */
  static String phase(JsonObject pod) {
    String phase = JsonFields.string(pod, "status", "phase");
    return phase == null ? "Pending" : phase;
  }

  static boolean isTerminal(JsonObject pod) {
    String phase = phase(pod);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  static boolean isDeleting(JsonObject pod) {
    return JsonFields.string(pod, "metadata", "deletionTimestamp") != null;
  }

  /** Neither finished nor being deleted: what controllers count as a replica. */
  static boolean isActive(JsonObject pod) {
    return !isTerminal(pod) && !isDeleting(pod);
  }

  static boolean isReady(JsonObject pod) {
    return Conditions.isTrue(pod, "Ready");
  }

  /** Ready for at least {@code minReadySeconds}. */
  static boolean isAvailable(JsonObject pod, long minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds <= 0) {
      return true;
    }
    Instant readySince =
        Times.parse(JsonFields.string(Conditions.find(pod, "Ready"), "lastTransitionTime"));
    return readySince != null && !readySince.plusSeconds(minReadySeconds).isAfter(now);
  }

  /** {@code spec.nodeName}, null when the pod is not bound to a node. */
  static String nodeName(JsonObject pod) {
    String nodeName = JsonFields.string(pod, "spec", "nodeName");
    return nodeName == null || nodeName.isEmpty() ? null : nodeName;
  }

  /**
   * A new pod from a controller's pod template: the template's labels and annotations (plus {@code
   * extraLabels}), its spec, and a controller reference to {@code owner}. The caller names it.
   */
  static JsonObject fromTemplate(
      JsonObject owner, JsonObject template, Map<String, String> extraLabels) {
    JsonObject pod = new JsonObject();
    pod.addProperty("apiVersion", "v1");
    pod.addProperty("kind", "Pod");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("namespace", JsonFields.namespace(owner));
    Map<String, String> labels =
        new TreeMap<>(JsonFields.stringMap(template, "metadata", "labels"));
    labels.putAll(extraLabels);
    if (!labels.isEmpty()) {
      metadata.add("labels", JsonFields.stringObject(labels));
    }
    JsonObject annotations = JsonFields.object(template, "metadata", "annotations");
    if (annotations != null) {
      metadata.add("annotations", annotations.deepCopy());
    }
    JsonFields.childArray(metadata, "ownerReferences").add(Owners.controllerReference(owner));
    pod.add("metadata", metadata);
    JsonObject spec = JsonFields.object(template, "spec");
    pod.add("spec", spec == null ? new JsonObject() : spec.deepCopy());
    return pod;
  }
}
