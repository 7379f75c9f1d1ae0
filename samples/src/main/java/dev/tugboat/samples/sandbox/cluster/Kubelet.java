package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.Controller;
import dev.tugboat.samples.sandbox.JsonFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kubelets of all nodes, pretending to run containers: a pod bound to a Ready node becomes
 * {@code Running} and Ready ({@code containerStatuses} running, {@code podIP} from the node's
 * {@code spec.podCIDR}, {@code hostIP}, {@code startTime}) {@code startDelay} after the kubelet
 * first sees it bound; a pod of a Job ({@code restartPolicy} {@code Never} or {@code OnFailure})
 * then {@code Succeeded} {@code jobPodRunTime} later. {@link #reconcile} asks to run again when the
 * next of these is due.
 */
public final class Kubelet implements Controller {

  public static final Duration DEFAULT_START_DELAY = Duration.ZERO;
  public static final Duration DEFAULT_JOB_POD_RUN_TIME = Duration.ofSeconds(1);

  private final Clock clock;
  private final Duration startDelay;
  private final Duration jobPodRunTime;

  /** When each pod waiting to start was first seen bound, by uid. */
  private Map<String, Instant> firstSeenBound = new HashMap<>();

  /** When each running job pod started, by uid. */
  private Map<String, Instant> startedJobPods = new HashMap<>();

  public Kubelet(Clock clock) {
    this(clock, DEFAULT_START_DELAY, DEFAULT_JOB_POD_RUN_TIME);
  }

  public Kubelet(Clock clock, Duration startDelay, Duration jobPodRunTime) {
    this.clock = clock;
    this.startDelay = startDelay;
    this.jobPodRunTime = jobPodRunTime;
  }

  @Override
  public Set<String> watchedKinds() {
    return Set.of("v1/Pod", "v1/Node");
  }

  @Override
  public Optional<Duration> reconcile(ClusterState state) {
    Map<String, JsonObject> nodes = new HashMap<>();
    for (JsonObject node : state.list("v1", "Node", null)) {
      nodes.put(JsonFields.name(node), node);
    }
    List<JsonObject> pods = state.list("v1", "Pod", null);
    Map<String, Set<String>> podIpsByNode = new HashMap<>();
    for (JsonObject pod : pods) {
      String podIp = JsonFields.string(pod, "status", "podIP");
      if (podIp != null && Pods.nodeName(pod) != null) {
        podIpsByNode.computeIfAbsent(Pods.nodeName(pod), ignored -> new HashSet<>()).add(podIp);
      }
    }
    Instant now = clock.instant();
    Map<String, Instant> stillWaiting = new HashMap<>();
    Map<String, Instant> stillRunning = new HashMap<>();
    Duration nextDue = null;
    for (JsonObject pod : pods) {
      JsonObject node = Pods.nodeName(pod) == null ? null : nodes.get(Pods.nodeName(pod));
      if (node == null || !Nodes.isReady(node) || Pods.isDeleting(pod)) {
        continue;
      }
      String uid = JsonFields.uid(pod);
      String phase = Pods.phase(pod);
      Instant due = null;
      if ("Pending".equals(phase)) {
        Instant seen = firstSeenBound.getOrDefault(uid, now);
        if (now.isBefore(seen.plus(startDelay))) {
          stillWaiting.put(uid, seen);
          due = seen.plus(startDelay);
        } else {
          Set<String> used =
              podIpsByNode.computeIfAbsent(JsonFields.name(node), n -> new HashSet<>());
          Writes.ignoringRaces(() -> start(state, pod, node, used));
          if (runsToCompletion(pod)) {
            stillRunning.put(uid, now);
            due = now.plus(jobPodRunTime);
          }
        }
      } else if ("Running".equals(phase) && runsToCompletion(pod)) {
        Instant started = startedJobPods.get(uid);
        if (started == null) { // started before this kubelet: trust the pod's startTime
          started = Times.parse(JsonFields.string(pod, "status", "startTime"));
        }
        started = started == null ? now : started;
        if (now.isBefore(started.plus(jobPodRunTime))) {
          stillRunning.put(uid, started);
          due = started.plus(jobPodRunTime);
        } else {
          Writes.ignoringRaces(() -> succeed(state, pod));
        }
      }
      if (due != null && (nextDue == null || Duration.between(now, due).compareTo(nextDue) < 0)) {
        nextDue = Duration.between(now, due);
      }
    }
    firstSeenBound = stillWaiting;
    startedJobPods = stillRunning;
    return Optional.ofNullable(nextDue);
  }

  private void start(ClusterState state, JsonObject pod, JsonObject node, Set<String> usedIps) {
    String now = Times.now(clock);
    JsonObject status = Writes.statusCopy(pod);
    status.addProperty("phase", "Running");
    Conditions.set(status, "PodReadyToStartContainers", "True", null, null, now, false);
    Conditions.set(status, "Initialized", "True", null, null, now, false);
    Conditions.set(status, "Ready", "True", null, null, now, false);
    Conditions.set(status, "ContainersReady", "True", null, null, now, false);
    Conditions.set(status, "PodScheduled", "True", null, null, now, false);
    String hostIp = Nodes.internalIp(node);
    String podIp =
        JsonFields.bool(pod, "spec", "hostNetwork")
            ? hostIp
            : PodAddresses.next(JsonFields.string(node, "spec", "podCIDR"), usedIps);
    if (hostIp != null) {
      status.addProperty("hostIP", hostIp);
      status.add("hostIPs", ipList(hostIp));
    }
    if (podIp != null) {
      usedIps.add(podIp);
      status.addProperty("podIP", podIp);
      status.add("podIPs", ipList(podIp));
    }
    status.addProperty("startTime", now);
    JsonArray initStatuses = new JsonArray();
    for (JsonObject container : JsonFields.objects(pod, "spec", "initContainers")) {
      initStatuses.add(
          PodRequests.isSidecar(container)
              ? runningStatus(pod, container, now)
              : terminatedStatus(pod, container, now, now, true));
    }
    if (!initStatuses.isEmpty()) {
      status.add("initContainerStatuses", initStatuses);
    }
    JsonArray statuses = new JsonArray();
    containersByName(pod).forEach(container -> statuses.add(runningStatus(pod, container, now)));
    status.add("containerStatuses", statuses);
    Writes.statusIfChanged(state, pod, status);
  }

  private void succeed(ClusterState state, JsonObject pod) {
    String now = Times.now(clock);
    String startedAt = JsonFields.string(pod, "status", "startTime");
    JsonObject status = Writes.statusCopy(pod);
    status.addProperty("phase", "Succeeded");
    Conditions.set(status, "PodReadyToStartContainers", "False", null, null, now, false);
    Conditions.set(status, "Initialized", "True", "PodCompleted", null, now, false);
    Conditions.set(status, "Ready", "False", "PodCompleted", null, now, false);
    Conditions.set(status, "ContainersReady", "False", "PodCompleted", null, now, false);
    JsonArray statuses = new JsonArray();
    containersByName(pod)
        .forEach(
            container ->
                statuses.add(
                    terminatedStatus(
                        pod, container, startedAt == null ? now : startedAt, now, false)));
    status.add("containerStatuses", statuses);
    Writes.statusIfChanged(state, pod, status);
  }

  /** Job pods run to completion; every other pod runs until deleted. */
  private static boolean runsToCompletion(JsonObject pod) {
    String restartPolicy = JsonFields.string(pod, "spec", "restartPolicy");
    return Owners.controlledByKind(pod, "Job")
        && ("Never".equals(restartPolicy) || "OnFailure".equals(restartPolicy));
  }

  /** The kubelet reports container statuses sorted by name. */
  private static List<JsonObject> containersByName(JsonObject pod) {
    return JsonFields.objects(pod, "spec", "containers").stream()
        .sorted(
            Comparator.comparing(container -> String.valueOf(JsonFields.string(container, "name"))))
        .toList();
  }

  private static JsonObject runningStatus(JsonObject pod, JsonObject container, String now) {
    JsonObject running = new JsonObject();
    running.addProperty("startedAt", now);
    JsonObject state = new JsonObject();
    state.add("running", running);
    return containerStatus(pod, container, state, true, true);
  }

  private static JsonObject terminatedStatus(
      JsonObject pod, JsonObject container, String startedAt, String finishedAt, boolean ready) {
    JsonObject terminated = new JsonObject();
    terminated.addProperty("exitCode", 0);
    terminated.addProperty("reason", "Completed");
    terminated.addProperty("startedAt", startedAt);
    terminated.addProperty("finishedAt", finishedAt);
    JsonObject state = new JsonObject();
    state.add("terminated", terminated);
    return containerStatus(pod, container, state, ready, false);
  }

  private static JsonObject containerStatus(
      JsonObject pod, JsonObject container, JsonObject state, boolean ready, boolean started) {
    String name = JsonFields.string(container, "name");
    JsonObject status = new JsonObject();
    status.addProperty("name", name);
    status.add("state", state);
    status.add("lastState", new JsonObject());
    status.addProperty("ready", ready);
    status.addProperty("restartCount", 0);
    status.addProperty("image", JsonFields.string(container, "image"));
    status.addProperty("imageID", "");
    status.addProperty("containerID", "containerd://" + sha256(JsonFields.uid(pod) + "/" + name));
    status.addProperty("started", started);
    return status;
  }

  private static JsonArray ipList(String ip) {
    JsonObject entry = new JsonObject();
    entry.addProperty("ip", ip);
    JsonArray list = new JsonArray();
    list.add(entry);
    return list;
  }

  /** A stable, realistic-looking container ID. */
  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
