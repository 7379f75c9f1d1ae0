package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ApiError;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' DaemonSet controller: one pod per node that the pod template's {@code nodeSelector},
 * required node affinity and tolerations admit (plus the tolerations Kubernetes adds to daemon
 * pods, so cordoned nodes still get one). Like Kubernetes, it pins each pod to its node with a
 * required node affinity on {@code metadata.name} and leaves the binding to the {@link Scheduler}.
 * Pods on nodes that no longer admit them, surplus and failed pods are deleted. The status reports
 * {@code desiredNumberScheduled}, {@code currentNumberScheduled}, {@code numberMisscheduled},
 * {@code numberReady}, {@code updatedNumberScheduled}, {@code numberAvailable}, {@code
 * numberUnavailable} and {@code observedGeneration}.
 */
public final class DaemonSetController implements Controller {

  /** The tolerations the DaemonSet controller adds to every daemon pod. */
  private static final List<JsonObject> DAEMON_TOLERATIONS =
      List.of(
          toleration("node.kubernetes.io/not-ready", "NoExecute"),
          toleration("node.kubernetes.io/unreachable", "NoExecute"),
          toleration("node.kubernetes.io/disk-pressure", "NoSchedule"),
          toleration("node.kubernetes.io/memory-pressure", "NoSchedule"),
          toleration("node.kubernetes.io/pid-pressure", "NoSchedule"),
          toleration("node.kubernetes.io/unschedulable", "NoSchedule"));

  private final Clock clock;
  private final FailedCreates failedCreates;

  public DaemonSetController(Clock clock) {
    this.clock = clock;
    this.failedCreates = new FailedCreates("daemonset-controller", clock);
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("apps/v1/DaemonSet", "v1/Node", "v1/Pod");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    List<JsonObject> nodes = state.list("v1", "Node", null);
    Map<String, List<JsonObject>> podsByOwner =
        Owners.byControllerUid(state.list("v1", "Pod", null));
    for (JsonObject set : state.list("apps/v1", "DaemonSet", null)) {
      if (JsonFields.string(set, "metadata", "deletionTimestamp") == null) {
        List<JsonObject> owned = podsByOwner.getOrDefault(JsonFields.uid(set), List.of());
        Writes.ignoringRaces(() -> sync(state, set, nodes, owned));
      }
    }
    return failedCreates.nextRetry();
  }

  private void sync(
      ClusterState state, JsonObject set, List<JsonObject> nodes, List<JsonObject> owned) {
    JsonObject template = daemonPodTemplate(set);
    JsonObject templateSpec = JsonFields.child(template, "spec");
    List<JsonObject> tolerations = JsonFields.objects(templateSpec, "tolerations");
    Map<String, List<JsonObject>> podsByNode = new HashMap<>();
    for (JsonObject pod : owned) {
      if ("Failed".equals(Pods.phase(pod))) {
        state.delete("v1", "Pod", JsonFields.namespace(pod), JsonFields.name(pod));
      } else if (Pods.isActive(pod)) {
        podsByNode.computeIfAbsent(targetNode(pod), ignored -> new ArrayList<>()).add(pod);
      }
    }
    List<JsonObject> scheduled = new ArrayList<>();
    long desired = 0;
    long misscheduled = 0;
    for (JsonObject node : nodes) {
      String nodeName = JsonFields.name(node);
      List<JsonObject> pods = podsByNode.getOrDefault(nodeName, new ArrayList<>());
      podsByNode.remove(nodeName);
      List<JsonObject> taints = Nodes.effectiveTaints(node);
      boolean admits = NodeAffinity.matches(templateSpec, node);
      boolean shouldRun =
          admits && Taints.firstUntolerated(taints, tolerations, Taints.SCHEDULING_EFFECTS) == null;
      boolean mayStay =
          admits && Taints.firstUntolerated(taints, tolerations, Set.of("NoExecute")) == null;
      if (shouldRun) {
        desired++;
      }
      if (shouldRun && pods.isEmpty()) {
        JsonObject created = createPod(state, set, template, nodeName);
        if (created != null) {
          pods.add(created);
        }
      }
      pods.sort(
          Comparator.comparing(
              pod -> JsonFields.string(pod, "metadata", "creationTimestamp"),
              Comparator.nullsLast(Comparator.<String>naturalOrder())));
      int keep = shouldRun || mayStay ? 1 : 0;
      while (pods.size() > keep) {
        JsonObject surplus = pods.remove(pods.size() - 1);
        state.delete("v1", "Pod", JsonFields.namespace(surplus), JsonFields.name(surplus));
      }
      if (!pods.isEmpty() && shouldRun) {
        scheduled.add(pods.get(0));
      } else if (!pods.isEmpty()) {
        misscheduled++;
      }
    }
    // pods of nodes that are gone
    podsByNode.values().stream()
        .flatMap(List::stream)
        .forEach(pod -> state.delete("v1", "Pod", JsonFields.namespace(pod), JsonFields.name(pod)));
    Writes.statusIfChanged(state, set, status(set, desired, scheduled, misscheduled));
  }

  private JsonObject createPod(
      ClusterState state, JsonObject set, JsonObject template, String nodeName) {
    if (!failedCreates.mayCreate(set)) {
      return null;
    }
    JsonObject pod = Pods.fromTemplate(set, template, Map.of());
    JsonFields.child(pod, "metadata").addProperty("generateName", JsonFields.name(set) + "-");
    pinToNode(JsonFields.child(pod, "spec"), nodeName);
    try {
      return state.create(pod);
    } catch (ApiError e) {
      failedCreates.refused(state, set, e);
      return null;
    }
  }

  /** The set's pod template with the daemon tolerations added. */
  private static JsonObject daemonPodTemplate(JsonObject set) {
    JsonObject template = JsonFields.object(set, "spec", "template");
    JsonObject copy = template == null ? new JsonObject() : template.deepCopy();
    JsonArray tolerations = JsonFields.childArray(JsonFields.child(copy, "spec"), "tolerations");
    for (JsonObject toleration : DAEMON_TOLERATIONS) {
      if (!tolerations.contains(toleration)) {
        tolerations.add(toleration.deepCopy());
      }
    }
    return copy;
  }

  /**
   * Replaces the required node affinity by a single term on the node's name, as Kubernetes' {@code
   * ReplaceDaemonSetPodNodeNameNodeAffinity} does (the node already passed the original).
   */
  private static void pinToNode(JsonObject podSpec, String nodeName) {
    JsonObject requirement = new JsonObject();
    requirement.addProperty("key", "metadata.name");
    requirement.addProperty("operator", "In");
    JsonArray values = new JsonArray();
    values.add(nodeName);
    requirement.add("values", values);
    JsonObject term = new JsonObject();
    JsonArray fields = new JsonArray();
    fields.add(requirement);
    term.add("matchFields", fields);
    JsonArray terms = new JsonArray();
    terms.add(term);
    JsonObject required = new JsonObject();
    required.add("nodeSelectorTerms", terms);
    JsonObject nodeAffinity =
        JsonFields.child(JsonFields.child(podSpec, "affinity"), "nodeAffinity");
    nodeAffinity.add("requiredDuringSchedulingIgnoredDuringExecution", required);
  }

  /** The node a daemon pod runs on, or is pinned to while not yet bound. */
  private static String targetNode(JsonObject pod) {
    String bound = Pods.nodeName(pod);
    if (bound != null) {
      return bound;
    }
    for (JsonObject term :
        JsonFields.objects(
            pod,
            "spec",
            "affinity",
            "nodeAffinity",
            "requiredDuringSchedulingIgnoredDuringExecution",
            "nodeSelectorTerms")) {
      for (JsonObject field : JsonFields.objects(term, "matchFields")) {
        List<String> values = JsonFields.strings(field, "values");
        if ("metadata.name".equals(JsonFields.string(field, "key")) && values.size() == 1) {
          return values.get(0);
        }
      }
    }
    return "";
  }

  /**
   * @param pods the pods on nodes that should run one
   * @param misscheduled how many pods run on nodes that should not, but tolerate them
   */
  private JsonObject status(
      JsonObject set, long desired, List<JsonObject> pods, long misscheduled) {
    long minReadySeconds = JsonFields.integer(set, 0, "spec", "minReadySeconds");
    Instant now = clock.instant();
    long available =
        pods.stream().filter(pod -> Pods.isAvailable(pod, minReadySeconds, now)).count();
    JsonObject status = Writes.statusCopy(set);
    status.addProperty("currentNumberScheduled", pods.size());
    status.addProperty("numberMisscheduled", misscheduled);
    status.addProperty("desiredNumberScheduled", desired);
    status.addProperty("numberReady", pods.stream().filter(Pods::isReady).count());
    JsonFields.putCountOmitZero(
        status, "observedGeneration", JsonFields.integer(set, 0, "metadata", "generation"));
    // without rolling template updates every pod is of the current template
    JsonFields.putCountOmitZero(status, "updatedNumberScheduled", pods.size());
    JsonFields.putCountOmitZero(status, "numberAvailable", available);
    JsonFields.putCountOmitZero(status, "numberUnavailable", Math.max(0, desired - available));
    return status;
  }

  private static JsonObject toleration(String key, String effect) {
    JsonObject toleration = new JsonObject();
    toleration.addProperty("key", key);
    toleration.addProperty("operator", "Exists");
    toleration.addProperty("effect", effect);
    return toleration;
  }
}
