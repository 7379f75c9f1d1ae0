package dev.tugboat.restore.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.restore.migrate.verify.Verification.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wait's verdicts, on a Deployment shop/web planned at 3 replicas. */
class ReadinessWaitTest {

  static final ApiResource DEPLOYMENTS =
      new ApiResource("apps", "v1", "deployments", "Deployment", true, Set.of(), List.of(), "v1");

  private static final WatchedWorkload WEB = new WatchedWorkload(DEPLOYMENTS, "shop", "web", 3);

  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/web";
  private static final String REPLICA_SETS =
      "/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app=web&watch=false";
  private static final String PODS =
      "/api/v1/namespaces/shop/pods?labelSelector=app=web&watch=false";

  private static final String UNSCHEDULABLE =
      """
      {"type": "PodScheduled", "status": "False", "reason": "Unschedulable",
       "message": "0/3 nodes are available: 3 Insufficient cpu."}""";
  private static final String QUOTA_REFUSED =
      """
      {"type": "ReplicaFailure", "status": "True", "reason": "FailedCreate",
       "message": "pods \\"web-6d4f8-\\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=4, limited: pods=4"}""";

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
  void anAvailableDeploymentIsVerifiedWithOneRead() throws Exception {
    cluster.scene().answer(DEPLOYMENT, deployment(1, 1, 3, 3));

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification)
        .isEqualTo(
            new Verification(
                Outcome.AVAILABLE, "", List.of(new WorkloadState(WEB, Readiness.AVAILABLE, ""))));
    assertThat(cluster.requests()).containsExactly("0: GET " + DEPLOYMENT);
    assertThat(cluster.sleeps()).isEmpty();
  }

  @Test
  void aProgressingDeploymentIsPolledUntilAvailable() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 1))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", ""), pod("web-6d4f8-b", ""))
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 3));

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.AVAILABLE);
    assertThat(cluster.requests())
        .containsExactly(
            "0: GET " + DEPLOYMENT,
            "0: GET " + REPLICA_SETS,
            "0: GET " + PODS,
            "1: GET " + DEPLOYMENT);
    assertThat(cluster.sleeps()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void unschedulablePodsSeenForTheGracePeriodAreAShortageOfRoom() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 1))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", UNSCHEDULABLE), pod("web-6d4f8-b", UNSCHEDULABLE));

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    String reason = "2 pods unschedulable: 0/3 nodes are available: 3 Insufficient cpu.";
    assertThat(verification)
        .isEqualTo(
            new Verification(
                Outcome.SHORT_OF_ROOM,
                "Deployment shop/web: " + reason,
                List.of(new WorkloadState(WEB, Readiness.SHORT_OF_ROOM, reason))));
    // seen at 0 s, 10 s, 20 s and 30 s: the grace of 30 s has passed on the fourth poll
    assertThat(cluster.sleeps()).hasSize(3).containsOnly(Duration.ofSeconds(10));
  }

  @Test
  void aShortageThatClearsStartsItsGraceAgain() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 1))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", UNSCHEDULABLE))
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 2))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", ""))
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 2))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", UNSCHEDULABLE));

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.SHORT_OF_ROOM);
    // first seen at 0 s, gone at 10 s, seen again from 20 s: decided at 50 s, not at 30 s
    assertThat(cluster.sleeps()).hasSize(5);
  }

  @Test
  void aQuotaRefusalInTheReplicaSetIsAShortageOfRoomNamingTheQuota() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 0))
        .list(REPLICA_SETS, replicaSet(QUOTA_REFUSED))
        .list(PODS);

    Verification verification =
        new ReadinessWait(
                new AvailabilityProbe(cluster.client()),
                cluster.clock(),
                cluster.sleeper(),
                Duration.ofSeconds(5),
                Duration.ZERO)
            .await(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.SHORT_OF_ROOM);
    assertThat(verification.reason())
        .isEqualTo(
            "Deployment shop/web: pods cannot be created: exceeded quota: compute, requested:"
                + " pods=1, used: pods=4, limited: pods=4");
    // a zero grace decides on the second poll that sees the shortage
    assertThat(cluster.sleeps()).containsExactly(Duration.ofSeconds(5));
    assertThat(cluster.requests())
        .containsExactly(
            "0: GET " + DEPLOYMENT,
            "0: GET " + REPLICA_SETS,
            "0: GET " + PODS,
            "1: GET " + DEPLOYMENT,
            "1: GET " + REPLICA_SETS,
            "1: GET " + PODS);
  }

  @Test
  void aCreateRefusedForAnotherReasonFailsAtOnce() throws Exception {
    String forbidden =
        """
        {"type": "ReplicaFailure", "status": "True", "reason": "FailedCreate",
         "message": "pods \\"web-6d4f8-\\" is forbidden: failed quota: compute: must specify limits.cpu for: app"}""";
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 0))
        .list(REPLICA_SETS, replicaSet(forbidden))
        .list(PODS);

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(verification.reason())
        .isEqualTo(
            "Deployment shop/web: pods cannot be created: pods \"web-6d4f8-\" is forbidden:"
                + " failed quota: compute: must specify limits.cpu for: app");
    assertThat(cluster.sleeps()).isEmpty();
  }

  @Test
  void theTimeoutNamesWhatIsStillMissing() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 1))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS, pod("web-6d4f8-a", ""));

    Verification verification = waitFor(List.of(WEB), Duration.ofSeconds(25));

    assertThat(verification)
        .isEqualTo(
            new Verification(
                Outcome.TIMED_OUT,
                "Deployment shop/web: 1 of 3 available",
                List.of(new WorkloadState(WEB, Readiness.PROGRESSING, "1 of 3 available"))));
    // polls at 0, 10, 20 and 25 s: the last pause is cut to the deadline
    assertThat(cluster.sleeps())
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  @Test
  void aControllerBehindTheSpecOrReplicasOtherThanPlannedAreProgress() throws Exception {
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(2, 1, 3, 3))
        .list(REPLICA_SETS)
        .list(PODS)
        .scene()
        .answer(DEPLOYMENT, deployment(2, 2, 5, 5))
        .list(REPLICA_SETS)
        .list(PODS);

    AvailabilityProbe probe = new AvailabilityProbe(cluster.client());

    WorkloadState first = probe.probe(WEB, ScriptedCluster.START);
    cluster.sleeper().sleep(Duration.ofSeconds(1));
    WorkloadState second = probe.probe(WEB, ScriptedCluster.START);

    assertThat(first)
        .isEqualTo(
            new WorkloadState(
                WEB,
                Readiness.PROGRESSING,
                "its controller has not seen generation 2 yet (observed 1)"));
    assertThat(second)
        .isEqualTo(new WorkloadState(WEB, Readiness.PROGRESSING, "spec.replicas is 5, 3 planned"));
  }

  @Test
  void aPlannedZeroIsAvailableAtOnce() throws Exception {
    WatchedWorkload none = new WatchedWorkload(DEPLOYMENTS, "shop", "web", 0);
    cluster
        .scene()
        .answer(
            DEPLOYMENT,
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "namespace": "shop", "generation": 1},
             "spec": {"replicas": 0, "selector": {"matchLabels": {"app": "web"}}}}""");

    Verification verification = waitFor(List.of(none), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.AVAILABLE);
    assertThat(cluster.requests()).containsExactly("0: GET " + DEPLOYMENT);
  }

  @Test
  void serverErrorsAndRateLimitsAreWaitedOut() throws Exception {
    cluster
        .scene()
        .fail(DEPLOYMENT, 503, "ServiceUnavailable", "etcd leader changed")
        .scene()
        .fail(DEPLOYMENT, 429, "TooManyRequests", "slow down")
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 3));

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.AVAILABLE);
    assertThat(cluster.sleeps()).hasSize(2);
  }

  @Test
  void aServerErrorUntilTheTimeoutIsReported() throws Exception {
    cluster.scene().fail(DEPLOYMENT, 503, "ServiceUnavailable", "etcd leader changed");

    Verification verification = waitFor(List.of(WEB), Duration.ofSeconds(10));

    assertThat(verification.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(verification.reason())
        .isEqualTo("Deployment shop/web: could not be read (HTTP 503): etcd leader changed");
  }

  @Test
  void aWorkloadMissingFromTheTargetFails() throws Exception {
    cluster.scene().fail(DEPLOYMENT, 404, "NotFound", "deployments.apps \"web\" not found");

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(verification.reason()).isEqualTo("Deployment shop/web: not found in the target");
  }

  @Test
  void aForbiddenReadFails() throws Exception {
    String message =
        "deployments.apps \"web\" is forbidden: User \"tugboat\" cannot get resource"
            + " \"deployments\" in API group \"apps\" in the namespace \"shop\"";
    cluster.scene().fail(DEPLOYMENT, 403, "Forbidden", message);

    Verification verification = waitFor(List.of(WEB), Duration.ofMinutes(5));

    assertThat(verification.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(verification.reason())
        .isEqualTo("Deployment shop/web: could not be read (HTTP 403): " + message);
  }

  @Test
  void aFailureAmongSeveralWorkloadsNamesOnlyTheFailedOne() throws Exception {
    WatchedWorkload api = new WatchedWorkload(DEPLOYMENTS, "shop", "api", 2);
    cluster
        .scene()
        .answer(DEPLOYMENT, deployment(1, 1, 3, 1))
        .list(REPLICA_SETS, replicaSet(""))
        .list(PODS)
        .fail("/apis/apps/v1/namespaces/shop/deployments/api", 404, "NotFound", "gone");

    Verification verification = waitFor(List.of(WEB, api), Duration.ofMinutes(5));

    assertThat(verification)
        .isEqualTo(
            new Verification(
                Outcome.FAILED,
                "Deployment shop/api: not found in the target",
                List.of(
                    new WorkloadState(WEB, Readiness.PROGRESSING, "1 of 3 available"),
                    new WorkloadState(api, Readiness.FAILED, "not found in the target"))));
  }

  private Verification waitFor(List<WatchedWorkload> workloads, Duration timeout)
      throws InterruptedException {
    return new ReadinessWait(
            new AvailabilityProbe(cluster.client()),
            cluster.clock(),
            cluster.sleeper(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30))
        .await(workloads, timeout);
  }

  private static String deployment(int generation, int observed, int replicas, int available) {
    return """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "web", "namespace": "shop", "uid": "d-1", "generation": %d},
         "spec": {"replicas": %d, "selector": {"matchLabels": {"app": "web"}}},
         "status": {"observedGeneration": %d, "replicas": %d, "availableReplicas": %d}}"""
        .formatted(generation, replicas, observed, replicas, available);
  }

  /** The Deployment's ReplicaSet, with this condition (none when empty). */
  private static String replicaSet(String condition) {
    return """
        {"apiVersion": "apps/v1", "kind": "ReplicaSet",
         "metadata": {"name": "web-6d4f8", "namespace": "shop",
           "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web",
             "uid": "d-1", "controller": true}]},
         "status": {"replicas": 3, "conditions": [%s]}}"""
        .formatted(condition);
  }

  /** A pod of the Deployment, with this condition (none when empty). */
  static String pod(String name, String condition) {
    return """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "%s", "namespace": "shop", "labels": {"app": "web"}},
         "status": {"phase": "Pending", "conditions": [%s]}}"""
        .formatted(name, condition);
  }
}
