package dev.tugboat.restore.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.restore.migrate.verify.Verification.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * StatefulSets, DaemonSets, Jobs, bare Pods and CronJobs, as the sandbox's controllers report them.
 */
class WorkloadKindsTest {

  private static final ApiResource STATEFUL_SETS = apps("statefulsets", "StatefulSet");
  private static final ApiResource DAEMON_SETS = apps("daemonsets", "DaemonSet");
  private static final ApiResource JOBS =
      new ApiResource("batch", "v1", "jobs", "Job", true, Set.of(), List.of(), "v1");
  private static final ApiResource CRON_JOBS =
      new ApiResource("batch", "v1", "cronjobs", "CronJob", true, Set.of(), List.of(), "v1");
  private static final ApiResource PODS =
      new ApiResource("", "v1", "pods", "Pod", true, Set.of(), List.of(), "v1");

  private static final String QUOTA_EVENT_MESSAGE =
      "Error creating: pods \"%s\" is forbidden: exceeded quota: compute, requested:"
          + " requests.cpu=2, used: requests.cpu=3, limited: requests.cpu=4";
  private static final String QUOTA_REASON =
      "pods cannot be created: exceeded quota: compute, requested: requests.cpu=2, used:"
          + " requests.cpu=3, limited: requests.cpu=4";

  private ScriptedCluster cluster;

  @BeforeEach
  void start() throws IOException {
    cluster = new ScriptedCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aStatefulSetWhosePodsAQuotaRefusesIsShortOfRoom() throws Exception {
    WatchedWorkload db = new WatchedWorkload(STATEFUL_SETS, "shop", "db", 2);
    cluster
        .scene()
        .answer(
            "/apis/apps/v1/namespaces/shop/statefulsets/db",
            """
            {"metadata": {"name": "db", "namespace": "shop", "generation": 1},
             "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "db"}}},
             "status": {"observedGeneration": 1, "replicas": 1, "readyReplicas": 1,
               "availableReplicas": 1}}""")
        .list(
            events("StatefulSet", "db"),
            event("db", QUOTA_EVENT_MESSAGE.formatted("db-1"), "2025-03-01T09:59:00Z"),
            event("db", QUOTA_EVENT_MESSAGE.formatted("db-1"), "2025-03-01T10:00:00Z"))
        .list(pods("app=db"));

    Verification verification = waitFor(db);

    assertThat(verification.outcome()).isEqualTo(Outcome.SHORT_OF_ROOM);
    assertThat(verification.reason()).isEqualTo("StatefulSet shop/db: " + QUOTA_REASON);
    assertThat(cluster.requests())
        .containsExactly(
            "0: GET /apis/apps/v1/namespaces/shop/statefulsets/db",
            "0: GET " + events("StatefulSet", "db"),
            "0: GET " + pods("app=db"),
            "1: GET /apis/apps/v1/namespaces/shop/statefulsets/db",
            "1: GET " + events("StatefulSet", "db"),
            "1: GET " + pods("app=db"));
  }

  @Test
  void aStatefulSetWithoutAvailableReplicasCountsReadyOnes() throws Exception {
    WatchedWorkload db = new WatchedWorkload(STATEFUL_SETS, "shop", "db", 2);
    cluster
        .scene()
        .answer(
            "/apis/apps/v1/namespaces/shop/statefulsets/db",
            """
            {"metadata": {"name": "db", "namespace": "shop", "generation": 1},
             "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "db"}}},
             "status": {"observedGeneration": 1, "replicas": 2, "readyReplicas": 2}}""");

    assertThat(waitFor(db).outcome()).isEqualTo(Outcome.AVAILABLE);
  }

  @Test
  void aDaemonSetIsAvailableOnceItsControllerSawItAndAllScheduledPodsAreAvailable()
      throws Exception {
    WatchedWorkload agent = new WatchedWorkload(DAEMON_SETS, "shop", "agent", 0);
    String path = "/apis/apps/v1/namespaces/shop/daemonsets/agent";
    String spec =
        """
        "metadata": {"name": "agent", "namespace": "shop", "generation": 1},
        "spec": {"selector": {"matchLabels": {"app": "agent"}}}""";
    cluster
        .scene()
        .answer(path, "{" + spec + "}")
        .list(events("DaemonSet", "agent"))
        .list(pods("app=agent"))
        .scene()
        .answer(
            path,
            "{"
                + spec
                + """
                , "status": {"observedGeneration": 1, "desiredNumberScheduled": 3,
                  "numberReady": 2, "numberAvailable": 2}}""")
        .list(events("DaemonSet", "agent"))
        .list(pods("app=agent"))
        .scene()
        .answer(
            path,
            "{"
                + spec
                + """
                , "status": {"observedGeneration": 1, "desiredNumberScheduled": 3,
                  "numberReady": 3, "numberAvailable": 3}}""");

    AvailabilityProbe probe = new AvailabilityProbe(cluster.client());
    WorkloadState unseen = probe.probe(agent, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState partial = probe.probe(agent, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState complete = probe.probe(agent, ScriptedCluster.START);

    assertThat(List.of(unseen, partial, complete))
        .containsExactly(
            new WorkloadState(
                agent,
                Readiness.PROGRESSING,
                "its controller has not seen generation 1 yet (observed 0)"),
            new WorkloadState(agent, Readiness.PROGRESSING, "2 of 3 available"),
            WorkloadState.available(agent));
  }

  @Test
  void aDaemonSetPodThatFitsNoNodeIsAShortageOfRoom() throws Exception {
    WatchedWorkload agent = new WatchedWorkload(DAEMON_SETS, "shop", "agent", 0);
    cluster
        .scene()
        .answer(
            "/apis/apps/v1/namespaces/shop/daemonsets/agent",
            """
            {"metadata": {"name": "agent", "namespace": "shop", "generation": 1},
             "spec": {"selector": {"matchLabels": {"app": "agent"},
               "matchExpressions": [{"key": "tier", "operator": "In", "values": ["a", "b"]}]}},
             "status": {"observedGeneration": 1, "desiredNumberScheduled": 2,
               "numberAvailable": 1}}""")
        .list(events("DaemonSet", "agent"))
        .list(
            pods("app=agent,tier in (a,b)"),
            """
            {"metadata": {"name": "agent-x7k2p", "namespace": "shop"},
             "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled",
               "status": "False", "reason": "Unschedulable",
               "message": "0/2 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector."}]}}""");

    AvailabilityProbe probe = new AvailabilityProbe(cluster.client());

    assertThat(probe.probe(agent, ScriptedCluster.START))
        .isEqualTo(
            new WorkloadState(
                agent,
                Readiness.SHORT_OF_ROOM,
                "1 pod unschedulable: 0/2 nodes are available: 1 Insufficient memory, 1 node(s)"
                    + " didn't match Pod's node affinity/selector."));
  }

  @Test
  void aJobIsAvailableOnceStartedUnlessItsPodsAreRefused() throws Exception {
    WatchedWorkload migrate = new WatchedWorkload(JOBS, "shop", "migrate", 1);
    String path = "/apis/batch/v1/namespaces/shop/jobs/migrate";
    String notStarted =
        """
        {"metadata": {"name": "migrate", "namespace": "shop", "uid": "j-1", "generation": 1},
         "spec": {"template": {}}}""";
    // The sandbox's Job controller sets startTime even when its pod create is refused.
    String started =
        """
        {"metadata": {"name": "migrate", "namespace": "shop", "uid": "j-1", "generation": 1},
         "spec": {"template": {}}, "status": {"startTime": "2025-03-01T10:00:00Z", "ready": 0}}""";
    String jobPods = pods("batch.kubernetes.io/controller-uid=j-1");
    cluster
        .scene()
        .answer(path, notStarted)
        .list(events("Job", "migrate"))
        .list(jobPods)
        .scene()
        .answer(path, started)
        .list(
            events("Job", "migrate"),
            event("migrate", QUOTA_EVENT_MESSAGE.formatted("migrate-"), "2025-03-01T10:00:10Z"))
        .list(jobPods)
        .scene()
        .answer(path, started)
        // only an event from before the wait: an earlier attempt, not this one
        .list(
            events("Job", "migrate"),
            event("migrate", QUOTA_EVENT_MESSAGE.formatted("migrate-"), "2025-03-01T09:59:59Z"))
        .list(jobPods);

    AvailabilityProbe probe = new AvailabilityProbe(cluster.client());
    WorkloadState waiting = probe.probe(migrate, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState refused = probe.probe(migrate, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState running = probe.probe(migrate, ScriptedCluster.START);

    assertThat(List.of(waiting, refused, running))
        .containsExactly(
            new WorkloadState(migrate, Readiness.PROGRESSING, "not started"),
            new WorkloadState(migrate, Readiness.SHORT_OF_ROOM, QUOTA_REASON),
            WorkloadState.available(migrate));
  }

  @Test
  void aJobWhosePodsAreForbiddenFails() throws Exception {
    WatchedWorkload migrate = new WatchedWorkload(JOBS, "shop", "migrate", 1);
    cluster
        .scene()
        .answer(
            "/apis/batch/v1/namespaces/shop/jobs/migrate",
            """
            {"metadata": {"name": "migrate", "namespace": "shop", "uid": "j-1"},
             "spec": {"selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "j-1"}}},
             "status": {"startTime": "2025-03-01T10:00:00Z"}}""")
        .list(
            events("Job", "migrate"),
            event(
                "migrate",
                "Error creating: pods \"migrate-\" is forbidden: error looking up service account"
                    + " shop/runner: serviceaccount \"runner\" not found",
                "2025-03-01T10:00:00Z"))
        .list(pods("batch.kubernetes.io/controller-uid=j-1"));

    Verification verification = waitFor(migrate);

    assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(verification.reason())
        .isEqualTo(
            "Job shop/migrate: pods cannot be created: pods \"migrate-\" is forbidden: error"
                + " looking up service account shop/runner: serviceaccount \"runner\" not found");
  }

  @Test
  void aBarePodIsReadyOrUnschedulableOrFailed() throws Exception {
    WatchedWorkload tool = new WatchedWorkload(PODS, "shop", "tool", 1);
    String path = "/api/v1/namespaces/shop/pods/tool";
    cluster
        .scene()
        .answer(
            path,
            """
            {"metadata": {"name": "tool", "namespace": "shop"},
             "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled",
               "status": "False", "reason": "Unschedulable",
               "message": "0/3 nodes are available: 3 Too many pods."}]}}""")
        .scene()
        .answer(
            path,
            """
            {"metadata": {"name": "tool", "namespace": "shop"},
             "status": {"phase": "Failed", "reason": "Evicted",
               "message": "The node was low on resource: memory."}}""")
        .scene()
        .answer(
            path,
            """
            {"metadata": {"name": "tool", "namespace": "shop"},
             "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}]}}""");

    AvailabilityProbe probe = new AvailabilityProbe(cluster.client());
    WorkloadState unschedulable = probe.probe(tool, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState failed = probe.probe(tool, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState ready = probe.probe(tool, ScriptedCluster.START);

    assertThat(List.of(unschedulable, failed, ready))
        .containsExactly(
            new WorkloadState(
                tool,
                Readiness.SHORT_OF_ROOM,
                "1 pod unschedulable: 0/3 nodes are available: 3 Too many pods."),
            new WorkloadState(
                tool, Readiness.FAILED, "pod failed: The node was low on resource: memory."),
            WorkloadState.available(tool));
    assertThat(cluster.requests())
        .containsExactly("0: GET " + path, "1: GET " + path, "2: GET " + path);
  }

  @Test
  void aCronJobIsAvailableByExisting() throws Exception {
    WatchedWorkload nightly = new WatchedWorkload(CRON_JOBS, "shop", "nightly", 0);
    cluster
        .scene()
        .answer(
            "/apis/batch/v1/namespaces/shop/cronjobs/nightly",
            "{\"metadata\": {\"name\": \"nightly\", \"namespace\": \"shop\"}}");

    assertThat(waitFor(nightly).outcome()).isEqualTo(Outcome.AVAILABLE);
  }

  @Test
  void kindsWithoutAReadinessRuleAreRefused() {
    ApiResource services =
        new ApiResource("", "v1", "services", "Service", true, Set.of(), List.of(), "v1");

    assertThatThrownBy(() -> new WatchedWorkload(services, "shop", "web", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot watch the readiness of a Service (shop/web)");
  }

  private Verification waitFor(WatchedWorkload workload) throws InterruptedException {
    return new ReadinessWait(
            new AvailabilityProbe(cluster.client()),
            cluster.clock(),
            cluster.sleeper(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10))
        .await(List.of(workload), Duration.ofMinutes(5));
  }

  private static String events(String kind, String name) {
    return "/api/v1/namespaces/shop/events?fieldSelector=involvedObject.kind="
        + kind
        + ",involvedObject.name="
        + name
        + ",reason=FailedCreate&watch=false";
  }

  private static String pods(String selector) {
    return "/api/v1/namespaces/shop/pods?labelSelector=" + selector + "&watch=false";
  }

  /** A FailedCreate event as the sandbox's {@code EventRecorder} writes it. */
  private static String event(String owner, String message, String lastTimestamp) {
    JsonObject event =
        JsonParser.parseString(
                """
                {"apiVersion": "v1", "kind": "Event", "reason": "FailedCreate", "type": "Warning",
                 "involvedObject": {"name": "%s", "namespace": "shop"}, "count": 1}"""
                    .formatted(owner))
            .getAsJsonObject();
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", owner + "." + Integer.toHexString(lastTimestamp.hashCode()));
    metadata.addProperty("namespace", "shop");
    event.add("metadata", metadata);
    event.addProperty("message", message);
    event.addProperty("firstTimestamp", lastTimestamp);
    event.addProperty("lastTimestamp", lastTimestamp);
    return event.toString();
  }

  private static ApiResource apps(String plural, String kind) {
    return new ApiResource("apps", "v1", plural, kind, true, Set.of(), List.of(), "v1");
  }
}
