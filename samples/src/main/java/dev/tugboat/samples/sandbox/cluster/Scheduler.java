package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The default scheduler, simplified: binds each pending pod (no {@code spec.nodeName}, not
 * finished, {@code schedulerName} unset or {@code default-scheduler}), highest {@code
 * spec.priority} and oldest first, to a node that passes the filters below, preferring the least
 * allocated node (Kubernetes' {@code LeastAllocated} score on cpu and memory; ties go to the first
 * node by name, where Kubernetes picks at random). Binding sets {@code spec.nodeName} and the
 * condition {@code PodScheduled=True}.
 *
 * <p>Filters, in Kubernetes' order and with its failure reasons: not cordoned ({@code
 * spec.unschedulable}); taints with effect {@code NoSchedule} or {@code NoExecute} tolerated (a
 * node that is not Ready counts as tainted {@code node.kubernetes.io/not-ready}); {@code
 * nodeSelector} and required node affinity; free host ports; free allocatable resources (every
 * resource the pod requests, and the {@code pods} count); required pod anti-affinity, both ways.
 *
 * <p>A pod that fits nowhere stays Pending with {@code PodScheduled=False}, reason {@code
 * Unschedulable} and a message such as {@code 0/3 nodes are available: 3 Insufficient cpu.}, and a
 * {@code FailedScheduling} warning event; the event is recorded when that outcome changes, not on
 * every pass.
 */
public final class Scheduler implements Controller {

  private static final String NAME = "default-scheduler";
  private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

  private final Clock clock;
  private final EventRecorder events;

  public Scheduler(Clock clock) {
    this.clock = clock;
    this.events = new EventRecorder(NAME, clock);
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("v1/Pod", "v1/Node");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    List<JsonObject> pods = state.list("v1", "Pod", null);
    List<JsonObject> pending = new ArrayList<>();
    for (JsonObject pod : pods) {
      if (Pods.nodeName(pod) == null && Pods.isActive(pod) && isOurs(pod)) {
        pending.add(pod);
      }
    }
    if (pending.isEmpty()) {
      return Optional.empty(); // spares working out what every node holds
    }
    Map<String, SchedulingNode> nodes = new TreeMap<>();
    for (JsonObject node : state.list("v1", "Node", null)) {
      nodes.put(JsonFields.name(node), new SchedulingNode(node));
    }
    for (JsonObject pod : pods) {
      SchedulingNode node = Pods.nodeName(pod) == null ? null : nodes.get(Pods.nodeName(pod));
      if (node != null && !Pods.isTerminal(pod)) {
        node.add(pod);
      }
    }
    pending.sort(
        Comparator.<JsonObject>comparingLong(pod -> -JsonFields.integer(pod, 0, "spec", "priority"))
            .thenComparing(
                pod -> JsonFields.string(pod, "metadata", "creationTimestamp"),
                Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(JsonFields::key));
    for (JsonObject pod : pending) {
      Writes.ignoringRaces(() -> schedule(state, pod, nodes));
    }
    return Optional.empty();
  }

  private void schedule(ClusterState state, JsonObject pod, Map<String, SchedulingNode> nodes) {
    PodFit fit = new PodFit(pod, nodes.values());
    Map<String, Integer> reasonCounts = new TreeMap<>();
    SchedulingNode best = null;
    long bestScore = -1;
    for (SchedulingNode node : nodes.values()) {
      List<String> reasons = fit.reasons(node);
      if (!reasons.isEmpty()) {
        reasons.forEach(reason -> reasonCounts.merge(reason, 1, Integer::sum));
        continue;
      }
      long score = leastAllocatedScore(fit.scoringRequests(), node);
      if (score > bestScore) {
        best = node;
        bestScore = score;
      }
    }
    if (best == null) {
      markUnschedulable(state, pod, unschedulableMessage(nodes.size(), reasonCounts));
    } else {
      best.add(bind(state, pod, best.name()));
    }
  }

  private JsonObject bind(ClusterState state, JsonObject pod, String nodeName) {
    JsonObject binding = pod.deepCopy();
    JsonFields.child(binding, "spec").addProperty("nodeName", nodeName);
    JsonObject bound = state.update(binding);
    JsonObject status = Writes.statusCopy(bound);
    if (!status.has("phase")) {
      status.addProperty("phase", "Pending");
    }
    Conditions.set(status, "PodScheduled", "True", null, null, Times.now(clock), false);
    return Writes.statusIfChanged(state, bound, status);
  }

  private void markUnschedulable(ClusterState state, JsonObject pod, String message) {
    JsonObject status = Writes.statusCopy(pod);
    if (!status.has("phase")) {
      status.addProperty("phase", "Pending");
    }
    Conditions.set(
        status, "PodScheduled", "False", "Unschedulable", message, Times.now(clock), false);
    if (!status.equals(pod.get("status"))) {
      JsonObject stored = Writes.statusIfChanged(state, pod, status);
      events.warning(state, stored, "FailedScheduling", message);
    }
  }

  /**
   * Kubernetes' wording: the reasons with their node counts, sorted as text, e.g. {@code 0/5 nodes
   * are available: 1 node(s) were unschedulable, 4 Insufficient memory.}
   */
  private static String unschedulableMessage(int nodeCount, Map<String, Integer> reasonCounts) {
    if (nodeCount == 0) {
      return "no nodes available to schedule pods";
    }
    String reasons =
        reasonCounts.entrySet().stream()
            .map(entry -> entry.getValue() + " " + entry.getKey())
            .sorted()
            .collect(Collectors.joining(", "));
    return "0/" + nodeCount + " nodes are available: " + reasons + ".";
  }

  /**
   * Kubernetes' {@code LeastAllocated}: for cpu and memory, the free share after placing the pod in
   * percent (rounded down), averaged.
   */
  private static long leastAllocatedScore(ResourceList podRequests, SchedulingNode node) {
    long total = 0;
    for (String resource : List.of("cpu", "memory")) {
      BigDecimal capacity = node.allocatable().amount(resource);
      BigDecimal requested =
          node.scoringRequested().amount(resource).add(podRequests.amount(resource));
      if (capacity.signum() > 0 && requested.compareTo(capacity) <= 0) {
        total +=
            capacity
                .subtract(requested)
                .multiply(MAX_SCORE)
                .divide(capacity, 0, RoundingMode.DOWN)
                .longValue();
      }
    }
    return total / 2;
  }

  private static boolean isOurs(JsonObject pod) {
    String scheduler = JsonFields.string(pod, "spec", "schedulerName");
    return scheduler == null || scheduler.isEmpty() || NAME.equals(scheduler);
  }
}
