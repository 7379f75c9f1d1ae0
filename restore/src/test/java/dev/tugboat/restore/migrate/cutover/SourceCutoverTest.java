package dev.tugboat.restore.migrate.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceCutoverTest {

  private static final String APPS = "/apis/apps/v1/namespaces/shop/";
  private static final String BATCH = "/apis/batch/v1/namespaces/shop/";
  private static final String CORE = "/api/v1/namespaces/shop/";
  private static final String PATCH_QUERY = "?fieldManager=tugboat";
  private static final String ORPHAN = "?propagationPolicy=Orphan";

  private static final ResourceCatalog SOURCE_TYPES =
      new ResourceCatalog(
          List.of(
              type("apps", "deployments", "Deployment", true),
              type("apps", "statefulsets", "StatefulSet", true),
              type("apps", "replicasets", "ReplicaSet", true),
              type("apps", "daemonsets", "DaemonSet", true),
              type("batch", "jobs", "Job", true),
              type("batch", "cronjobs", "CronJob", true),
              type("", "pods", "Pod", true),
              type("", "configmaps", "ConfigMap", true),
              type("", "secrets", "Secret", true),
              type("", "services", "Service", true),
              type("", "persistentvolumeclaims", "PersistentVolumeClaim", true),
              type("", "persistentvolumes", "PersistentVolume", false),
              type("", "namespaces", "Namespace", false),
              type("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false)),
          List.of());

  private final MockWebServer server = new MockWebServer();
  private SourceCutover cutover;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    cutover = new SourceCutover(ResourceApplier.live(apiClient()), SOURCE_TYPES);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  // ---- quiesce: one merge patch per kind, value and record together ----

  @Test
  void aDeploymentGoesToZeroReplicasRecordingTheOriginalInTheSamePatch() throws Exception {
    JsonObject live = live("apps/v1", "Deployment", "web", "5", "{}", "{\"replicas\": 3}");
    server.enqueue(ok(live));
    server.enqueue(ok(live)); // ResourceApplier reads again to tell UPDATED from UNCHANGED
    server.enqueue(ok(live));

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment", "shop", "web", CutoverOutcome.QUIESCED, "replicas 3 -> 0"));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(SourceCutoverTest::describe))
        .containsExactly(
            "GET " + APPS + "deployments/web",
            "GET " + APPS + "deployments/web",
            "PATCH " + APPS + "deployments/web" + PATCH_QUERY);
    assertThat(sent.get(2).getHeaders().get("Content-Type"))
        .startsWith("application/merge-patch+json");
    assertThat(body(sent.get(2)))
        .isEqualTo(
            json(
                """
                {"metadata": {"resourceVersion": "5",
                   "annotations": {"tugboat.dev/pre-quiesce-replicas": "3"}},
                 "spec": {"replicas": 0}}
                """));
  }

  @Test
  void aStatefulSetGoesToZeroReplicas() throws Exception {
    assertQuiescePatch(
        live("apps/v1", "StatefulSet", "db", "8", "{}", "{\"replicas\": 2}"),
        APPS + "statefulsets/db",
        """
        {"metadata": {"resourceVersion": "8",
           "annotations": {"tugboat.dev/pre-quiesce-replicas": "2"}},
         "spec": {"replicas": 0}}
        """,
        "replicas 2 -> 0");
  }

  @Test
  void aReplicaSetWithoutOwnerGoesToZeroReplicas() throws Exception {
    assertQuiescePatch(
        live("apps/v1", "ReplicaSet", "bare", "4", "{}", "{\"replicas\": 1}"),
        APPS + "replicasets/bare",
        """
        {"metadata": {"resourceVersion": "4",
           "annotations": {"tugboat.dev/pre-quiesce-replicas": "1"}},
         "spec": {"replicas": 0}}
        """,
        "replicas 1 -> 0");
  }

  @Test
  void aCronJobIsSuspendedRecordingThatItWasNot() throws Exception {
    assertQuiescePatch(
        live("batch/v1", "CronJob", "nightly", "11", "{}", "{\"schedule\": \"0 1 * * *\"}"),
        BATCH + "cronjobs/nightly",
        """
        {"metadata": {"resourceVersion": "11",
           "annotations": {"tugboat.dev/pre-quiesce-suspend": "false"}},
         "spec": {"suspend": true}}
        """,
        "suspend false -> true");
  }

  @Test
  void aJobGetsParallelismZero() throws Exception {
    assertQuiescePatch(
        live("batch/v1", "Job", "import", "3", "{}", "{\"parallelism\": 4, \"completions\": 8}"),
        BATCH + "jobs/import",
        """
        {"metadata": {"resourceVersion": "3",
           "annotations": {"tugboat.dev/pre-quiesce-parallelism": "4"}},
         "spec": {"parallelism": 0}}
        """,
        "parallelism 4 -> 0");
  }

  @Test
  void aDaemonSetSelectsANodeLabelNoNodeHasRecordingItsOriginalSelector() throws Exception {
    assertQuiescePatch(
        live(
            "apps/v1",
            "DaemonSet",
            "agent",
            "21",
            "{}",
            "{\"template\": {\"spec\": {\"nodeSelector\": {\"disk\": \"ssd\"}}}}"),
        APPS + "daemonsets/agent",
        """
        {"metadata": {"resourceVersion": "21",
           "annotations": {"tugboat.dev/pre-quiesce-node-selector": "{\\"disk\\":\\"ssd\\"}"}},
         "spec": {"template": {"spec": {"nodeSelector": {"tugboat.dev/quiesced": "true"}}}}}
        """,
        "nodeSelector {\"disk\":\"ssd\"} -> {\"disk\":\"ssd\",\"tugboat.dev/quiesced\":\"true\"}");
  }

  @Test
  void aDaemonSetWithoutNodeSelectorRecordsNull() throws Exception {
    assertQuiescePatch(
        live("apps/v1", "DaemonSet", "agent", "21", "{}", "{\"template\": {\"spec\": {}}}"),
        APPS + "daemonsets/agent",
        """
        {"metadata": {"resourceVersion": "21",
           "annotations": {"tugboat.dev/pre-quiesce-node-selector": "null"}},
         "spec": {"template": {"spec": {"nodeSelector": {"tugboat.dev/quiesced": "true"}}}}}
        """,
        "nodeSelector none -> {\"tugboat.dev/quiesced\":\"true\"}");
  }

  // ---- quiesce: idempotence and what is left alone ----

  @Test
  void anObjectThatCarriesItsAnnotationIsAlreadyQuiescedAndNotPatched() throws Exception {
    server.enqueue(
        ok(
            live(
                "apps/v1",
                "Deployment",
                "web",
                "6",
                "{\"tugboat.dev/pre-quiesce-replicas\": \"3\"}",
                "{\"replicas\": 0}")));

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "web",
                CutoverOutcome.ALREADY_QUIESCED,
                "original recorded: tugboat.dev/pre-quiesce-replicas=3"));
    assertThat(requests()).containsExactly("GET " + APPS + "deployments/web");
  }

  @Test
  void aReplicaSetWithAnOwnerIsLeftToItsDeployment() throws Exception {
    JsonObject owned = live("apps/v1", "ReplicaSet", "web-5d4f", "2", "{}", "{\"replicas\": 3}");
    owned
        .getAsJsonObject("metadata")
        .add(
            "ownerReferences",
            JsonParser.parseString("[{\"kind\": \"Deployment\", \"name\": \"web\"}]"));
    server.enqueue(ok(owned));

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "ReplicaSet", "web-5d4f")));

    assertThat(actions).isEmpty();
    assertThat(requests()).containsExactly("GET " + APPS + "replicasets/web-5d4f");
  }

  @Test
  void kindsThatRunNothingByThemselvesAreNotTouched() throws Exception {
    List<CutoverAction> actions =
        cutover.quiesce(
            List.of(
                backedUp("v1", "ConfigMap", "settings"),
                backedUp("v1", "Service", "web"),
                backedUp("v1", "Pod", "web-5d4f-x1")));

    assertThat(actions).isEmpty();
    assertThat(requests()).isEmpty();
  }

  @Test
  void aTypeTheSourceDoesNotServeIsNotFoundWithoutARequest() throws Exception {
    SourceCutover withoutBatch =
        new SourceCutover(
            ResourceApplier.live(new ClientBuilder().setBasePath(base()).build()),
            new ResourceCatalog(
                List.of(type("apps", "deployments", "Deployment", true)), List.of()));

    List<CutoverAction> actions =
        withoutBatch.quiesce(List.of(backedUp("batch/v1", "CronJob", "nightly")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "CronJob",
                "shop",
                "nightly",
                CutoverOutcome.NOT_FOUND,
                "batch/CronJob is not served by the source cluster"));
    assertThat(requests()).isEmpty();
  }

  // ---- quiesce: refusals are actions, and the next object is still handled ----

  @Test
  void aMissingObjectIsNotFoundAndTheNextOneIsQuiesced() throws Exception {
    JsonObject job = live("batch/v1", "Job", "import", "3", "{}", "{\"parallelism\": 1}");
    server.enqueue(status(404, "NotFound", "deployments.apps \"gone\" not found"));
    server.enqueue(ok(job));
    server.enqueue(ok(job));
    server.enqueue(ok(job));

    List<CutoverAction> actions =
        cutover.quiesce(
            List.of(
                backedUp("apps/v1", "Deployment", "gone"), backedUp("batch/v1", "Job", "import")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "gone",
                CutoverOutcome.NOT_FOUND,
                "not in the source cluster"),
            new CutoverAction(
                "Job", "shop", "import", CutoverOutcome.QUIESCED, "parallelism 1 -> 0"));
    assertThat(requests())
        .containsExactly(
            "GET " + APPS + "deployments/gone",
            "GET " + BATCH + "jobs/import",
            "GET " + BATCH + "jobs/import",
            "PATCH " + BATCH + "jobs/import" + PATCH_QUERY);
  }

  @Test
  void aForbiddenReadFailsThatObjectOnlyWithTheApiMessage() throws Exception {
    JsonObject db = live("apps/v1", "StatefulSet", "db", "8", "{}", "{\"replicas\": 2}");
    server.enqueue(
        status(
            403,
            "Forbidden",
            "deployments.apps \"web\" is forbidden: User \"ci\" cannot get resource"));
    server.enqueue(ok(db));
    server.enqueue(ok(db));
    server.enqueue(ok(db));

    List<CutoverAction> actions =
        cutover.quiesce(
            List.of(
                backedUp("apps/v1", "Deployment", "web"),
                backedUp("apps/v1", "StatefulSet", "db")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "web",
                CutoverOutcome.FAILED,
                "get failed: HTTP 403: deployments.apps \"web\" is forbidden: User \"ci\" cannot"
                    + " get resource"),
            new CutoverAction(
                "StatefulSet", "shop", "db", CutoverOutcome.QUIESCED, "replicas 2 -> 0"));
  }

  @Test
  void aForbiddenPatchFailsThatObjectWithTheApiMessage() throws Exception {
    JsonObject web = live("apps/v1", "Deployment", "web", "5", "{}", "{\"replicas\": 3}");
    server.enqueue(ok(web));
    server.enqueue(ok(web));
    server.enqueue(status(403, "Forbidden", "deployments.apps \"web\" is forbidden: no patch"));

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "web",
                CutoverOutcome.FAILED,
                "patch failed: HTTP 403: deployments.apps \"web\" is forbidden: no patch"));
  }

  @Test
  void aConflictReadsTheObjectAgainAndRecordsTheValueItReplaces() throws Exception {
    JsonObject before = live("apps/v1", "Deployment", "web", "5", "{}", "{\"replicas\": 3}");
    JsonObject scaledMeanwhile =
        live("apps/v1", "Deployment", "web", "6", "{}", "{\"replicas\": 4}");
    server.enqueue(ok(before));
    server.enqueue(ok(before));
    server.enqueue(conflict());
    server.enqueue(ok(scaledMeanwhile));
    server.enqueue(ok(scaledMeanwhile));
    server.enqueue(ok(scaledMeanwhile));

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment", "shop", "web", CutoverOutcome.QUIESCED, "replicas 4 -> 0"));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent).hasSize(6);
    assertThat(body(sent.get(5)))
        .isEqualTo(
            json(
                """
                {"metadata": {"resourceVersion": "6",
                   "annotations": {"tugboat.dev/pre-quiesce-replicas": "4"}},
                 "spec": {"replicas": 0}}
                """));
  }

  @Test
  void threeConflictsInARowFail() throws Exception {
    JsonObject web = live("apps/v1", "Deployment", "web", "5", "{}", "{\"replicas\": 3}");
    for (int attempt = 0; attempt < 3; attempt++) {
      server.enqueue(ok(web));
      server.enqueue(ok(web));
      server.enqueue(conflict());
    }

    List<CutoverAction> actions =
        cutover.quiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "web",
                CutoverOutcome.FAILED,
                "patch failed: HTTP 409: Operation cannot be fulfilled on deployments.apps \"web\":"
                    + " the object has been modified"));
    assertThat(requests()).hasSize(9);
  }

  @Test
  void objectsThatAreNotKubernetesObjectsThrowBeforeAnyRequest() throws Exception {
    JsonObject noName =
        json("{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {}}");
    JsonObject noNamespace =
        json(
            "{\"apiVersion\": \"apps/v1\", \"kind\": \"Deployment\", \"metadata\": {\"name\": \"web\"}}");
    List<JsonObject> first = List.of(backedUp("apps/v1", "Deployment", "ok"), noName);
    List<JsonObject> second = List.of(backedUp("apps/v1", "Deployment", "ok"), noNamespace);

    assertThatThrownBy(() -> cutover.quiesce(first))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object 1 of the application has no name");
    assertThatThrownBy(() -> cutover.delete(second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object 1 of the application, apps/Deployment web, has no metadata.namespace");
    assertThat(requests()).isEmpty();
  }

  // ---- unquiesce ----

  @Test
  void unquiesceRestoresReplicasAndRemovesTheAnnotationInOnePatch() throws Exception {
    assertUnquiescePatch(
        live(
            "apps/v1",
            "Deployment",
            "web",
            "7",
            "{\"tugboat.dev/pre-quiesce-replicas\": \"3\", \"team\": \"a\"}",
            "{\"replicas\": 0}"),
        APPS + "deployments/web",
        """
        {"metadata": {"resourceVersion": "7",
           "annotations": {"tugboat.dev/pre-quiesce-replicas": null}},
         "spec": {"replicas": 3}}
        """,
        "replicas 0 -> 3");
  }

  @Test
  void unquiesceKeepsACronJobThatWasSuspendedBeforeSuspended() throws Exception {
    assertUnquiescePatch(
        live(
            "batch/v1",
            "CronJob",
            "nightly",
            "12",
            "{\"tugboat.dev/pre-quiesce-suspend\": \"true\"}",
            "{\"suspend\": true}"),
        BATCH + "cronjobs/nightly",
        """
        {"metadata": {"resourceVersion": "12",
           "annotations": {"tugboat.dev/pre-quiesce-suspend": null}},
         "spec": {"suspend": true}}
        """,
        "suspend true -> true");
  }

  @Test
  void unquiesceRestoresAJobsParallelism() throws Exception {
    assertUnquiescePatch(
        live(
            "batch/v1",
            "Job",
            "import",
            "4",
            "{\"tugboat.dev/pre-quiesce-parallelism\": \"4\"}",
            "{\"parallelism\": 0}"),
        BATCH + "jobs/import",
        """
        {"metadata": {"resourceVersion": "4",
           "annotations": {"tugboat.dev/pre-quiesce-parallelism": null}},
         "spec": {"parallelism": 4}}
        """,
        "parallelism 0 -> 4");
  }

  @Test
  void unquiesceRemovesTheNodeSelectorOfADaemonSetThatHadNone() throws Exception {
    assertUnquiescePatch(
        live(
            "apps/v1",
            "DaemonSet",
            "agent",
            "22",
            "{\"tugboat.dev/pre-quiesce-node-selector\": \"null\"}",
            "{\"template\": {\"spec\": {\"nodeSelector\": {\"tugboat.dev/quiesced\": \"true\"}}}}"),
        APPS + "daemonsets/agent",
        """
        {"metadata": {"resourceVersion": "22",
           "annotations": {"tugboat.dev/pre-quiesce-node-selector": null}},
         "spec": {"template": {"spec": {"nodeSelector": null}}}}
        """,
        "nodeSelector {\"tugboat.dev/quiesced\":\"true\"} -> none");
  }

  @Test
  void unquiesceRestoresTheExactNodeSelectorOfADaemonSetThatHadOne() throws Exception {
    assertUnquiescePatch(
        live(
            "apps/v1",
            "DaemonSet",
            "agent",
            "22",
            "{\"tugboat.dev/pre-quiesce-node-selector\": \"{\\\"disk\\\":\\\"ssd\\\"}\"}",
            "{\"template\": {\"spec\": {\"nodeSelector\":"
                + " {\"disk\": \"ssd\", \"tugboat.dev/quiesced\": \"true\"}}}}"),
        APPS + "daemonsets/agent",
        """
        {"metadata": {"resourceVersion": "22",
           "annotations": {"tugboat.dev/pre-quiesce-node-selector": null}},
         "spec": {"template": {"spec": {"nodeSelector":
           {"tugboat.dev/quiesced": null, "disk": "ssd"}}}}}
        """,
        "nodeSelector {\"disk\":\"ssd\",\"tugboat.dev/quiesced\":\"true\"} -> {\"disk\":\"ssd\"}");
  }

  @Test
  void unquiesceLeavesAnObjectWithoutAnnotationAlone() throws Exception {
    server.enqueue(ok(live("apps/v1", "Deployment", "web", "9", "{}", "{\"replicas\": 3}")));

    List<CutoverAction> actions =
        cutover.unquiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions).isEmpty();
    assertThat(requests()).containsExactly("GET " + APPS + "deployments/web");
  }

  @Test
  void anUnreadableRecordFailsWithoutAPatch() throws Exception {
    server.enqueue(
        ok(
            live(
                "apps/v1",
                "Deployment",
                "web",
                "9",
                "{\"tugboat.dev/pre-quiesce-replicas\": \"three\"}",
                "{\"replicas\": 0}")));

    List<CutoverAction> actions =
        cutover.unquiesce(List.of(backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment",
                "shop",
                "web",
                CutoverOutcome.FAILED,
                "annotation tugboat.dev/pre-quiesce-replicas holds 'three', not a whole number"));
    assertThat(requests()).containsExactly("GET " + APPS + "deployments/web");
  }

  // ---- delete ----

  @Test
  void deleteGoesControllersFirstThenPodsThenTheRestOrphaningDependents() throws Exception {
    for (int i = 0; i < 10; i++) {
      server.enqueue(deletedStatus());
    }
    List<JsonObject> application =
        List.of(
            backedUp("v1", "ConfigMap", "settings"),
            backedUp("v1", "Service", "web"),
            backedUp("v1", "Pod", "web-5d4f-x1"),
            backedUp("apps/v1", "ReplicaSet", "web-5d4f"),
            backedUp("apps/v1", "Deployment", "web"),
            json(
                "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\"}}"),
            json(
                "{\"apiVersion\": \"rbac.authorization.k8s.io/v1\", \"kind\": \"ClusterRole\","
                    + " \"metadata\": {\"name\": \"reader\"}}"),
            backedUp("batch/v1", "Job", "import"),
            backedUp("apps/v1", "StatefulSet", "db"),
            backedUp("batch/v1", "CronJob", "nightly"),
            backedUp("apps/v1", "DaemonSet", "agent"),
            backedUp("v1", "Secret", "creds"));

    List<CutoverAction> actions = cutover.delete(application);

    assertThat(actions)
        .extracting(action -> action.kind() + " " + action.name())
        .containsExactly(
            "CronJob nightly",
            "Deployment web",
            "StatefulSet db",
            "DaemonSet agent",
            "Job import",
            "ReplicaSet web-5d4f",
            "Pod web-5d4f-x1",
            "ConfigMap settings",
            "Service web",
            "Secret creds");
    assertThat(actions)
        .allMatch(
            action ->
                action.outcome() == CutoverOutcome.DELETED
                    && action.namespace().equals("shop")
                    && action.detail().equals("dependents orphaned"));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(SourceCutoverTest::describe))
        .containsExactly(
            "DELETE " + BATCH + "cronjobs/nightly" + ORPHAN,
            "DELETE " + APPS + "deployments/web" + ORPHAN,
            "DELETE " + APPS + "statefulsets/db" + ORPHAN,
            "DELETE " + APPS + "daemonsets/agent" + ORPHAN,
            "DELETE " + BATCH + "jobs/import" + ORPHAN,
            "DELETE " + APPS + "replicasets/web-5d4f" + ORPHAN,
            "DELETE " + CORE + "pods/web-5d4f-x1" + ORPHAN,
            "DELETE " + CORE + "configmaps/settings" + ORPHAN,
            "DELETE " + CORE + "services/web" + ORPHAN,
            "DELETE " + CORE + "secrets/creds" + ORPHAN);
    // The policy travels in the query only: the body carries no options that could contradict it.
    assertThat(sent).allMatch(request -> request.getBody() == null);
  }

  @Test
  void deleteCountsAMissingObjectAsGoneAndGoesOnAfterARefusal() throws Exception {
    server.enqueue(status(404, "NotFound", "deployments.apps \"web\" not found"));
    server.enqueue(status(403, "Forbidden", "configmaps \"settings\" is forbidden: no delete"));
    server.enqueue(deletedStatus());

    List<CutoverAction> actions =
        cutover.delete(
            List.of(
                backedUp("v1", "ConfigMap", "settings"),
                backedUp("v1", "Secret", "creds"),
                backedUp("apps/v1", "Deployment", "web")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "Deployment", "shop", "web", CutoverOutcome.NOT_FOUND, "already gone"),
            new CutoverAction(
                "ConfigMap",
                "shop",
                "settings",
                CutoverOutcome.FAILED,
                "delete failed: HTTP 403: configmaps \"settings\" is forbidden: no delete"),
            new CutoverAction(
                "Secret", "shop", "creds", CutoverOutcome.DELETED, "dependents orphaned"));
    assertThat(requests())
        .containsExactly(
            "DELETE " + APPS + "deployments/web" + ORPHAN,
            "DELETE " + CORE + "configmaps/settings" + ORPHAN,
            "DELETE " + CORE + "secrets/creds" + ORPHAN);
  }

  // ---- delete: a claim's volume is kept ----

  private static final String VOLUME = "/api/v1/persistentvolumes/pv-data";

  @Test
  void deleteSwitchesAClaimsVolumeToRetainBeforeDeletingTheClaim() throws Exception {
    server.enqueue(ok(live("v1", "PersistentVolumeClaim", "data", "3", "{}", CLAIM_SPEC)));
    JsonObject volume = volume("7", "{}", "{\"uid\": \"uid-data\"}");
    server.enqueue(ok(volume));
    server.enqueue(ok(volume));
    server.enqueue(ok(volume));
    server.enqueue(deletedStatus());

    List<CutoverAction> actions =
        cutover.delete(List.of(backedUp("v1", "PersistentVolumeClaim", "data")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "PersistentVolume",
                null,
                "pv-data",
                CutoverOutcome.RETAINED,
                "reclaim policy Delete -> Retain: kept for a rollback"),
            new CutoverAction(
                "PersistentVolumeClaim",
                "shop",
                "data",
                CutoverOutcome.DELETED,
                "dependents orphaned"));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(SourceCutoverTest::describe))
        .containsExactly(
            "GET " + CORE + "persistentvolumeclaims/data",
            "GET " + VOLUME,
            "GET " + VOLUME,
            "PATCH " + VOLUME + PATCH_QUERY,
            "DELETE " + CORE + "persistentvolumeclaims/data" + ORPHAN);
    assertThat(body(sent.get(3)))
        .isEqualTo(
            json(
                """
                {"metadata": {"resourceVersion": "7",
                   "annotations": {"tugboat.dev/pre-cutover-reclaim-policy": "Delete"}},
                 "spec": {"persistentVolumeReclaimPolicy": "Retain"}}
                """));
  }

  @Test
  void aVolumeAlreadyRetainedByAnEarlierRunKeepsItsRecordedPolicy() throws Exception {
    server.enqueue(ok(live("v1", "PersistentVolumeClaim", "data", "3", "{}", CLAIM_SPEC)));
    server.enqueue(
        ok(
            volume(
                "8",
                "{\"tugboat.dev/pre-cutover-reclaim-policy\": \"Delete\"}",
                "{\"uid\": \"uid-data\"}")));
    server.enqueue(deletedStatus());

    List<CutoverAction> actions =
        cutover.delete(List.of(backedUp("v1", "PersistentVolumeClaim", "data")));

    assertThat(actions)
        .extracting(CutoverAction::outcome, CutoverAction::detail)
        .containsExactly(
            tuple(
                CutoverOutcome.RETAINED,
                "already retained: original reclaim policy Delete recorded"),
            tuple(CutoverOutcome.DELETED, "dependents orphaned"));
    assertThat(requests())
        .containsExactly(
            "GET " + CORE + "persistentvolumeclaims/data",
            "GET " + VOLUME,
            "DELETE " + CORE + "persistentvolumeclaims/data" + ORPHAN);
  }

  @Test
  void aClaimWhoseVolumeCannotBeRetainedIsNotDeleted() throws Exception {
    server.enqueue(ok(live("v1", "PersistentVolumeClaim", "data", "3", "{}", CLAIM_SPEC)));
    server.enqueue(status(403, "Forbidden", "persistentvolumes \"pv-data\" is forbidden"));

    List<CutoverAction> actions =
        cutover.delete(List.of(backedUp("v1", "PersistentVolumeClaim", "data")));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "PersistentVolume",
                null,
                "pv-data",
                CutoverOutcome.FAILED,
                "get failed: HTTP 403: persistentvolumes \"pv-data\" is forbidden"),
            new CutoverAction(
                "PersistentVolumeClaim",
                "shop",
                "data",
                CutoverOutcome.FAILED,
                "not deleted: its volume could not be retained"));
    assertThat(requests())
        .containsExactly("GET " + CORE + "persistentvolumeclaims/data", "GET " + VOLUME);
  }

  @Test
  void givingBackFreesTheVolumeForTheRecreatedClaimAndPutsItsPolicyBack() throws Exception {
    JsonObject volume =
        volume(
            "9",
            "{\"tugboat.dev/pre-cutover-reclaim-policy\": \"Delete\"}",
            "{\"uid\": \"uid-data\", \"resourceVersion\": \"3\"}");
    volume.getAsJsonObject("spec").addProperty("persistentVolumeReclaimPolicy", "Retain");
    server.enqueue(ok(volume));
    server.enqueue(status(404, "NotFound", "persistentvolumeclaims \"data\" not found"));
    server.enqueue(ok(volume));
    server.enqueue(ok(volume));
    JsonObject claim = backedUp("v1", "PersistentVolumeClaim", "data");
    claim.add("spec", json(CLAIM_SPEC));

    List<CutoverAction> actions =
        new VolumeRetention(ResourceApplier.live(apiClient()), SOURCE_TYPES)
            .giveBack(List.of(backedUp("v1", "ConfigMap", "settings"), claim));

    assertThat(actions)
        .containsExactly(
            new CutoverAction(
                "PersistentVolume",
                null,
                "pv-data",
                CutoverOutcome.GIVEN_BACK,
                "reclaim policy Retain -> Delete, waiting for its claim shop/data"));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(SourceCutoverTest::describe))
        .containsExactly(
            "GET " + VOLUME,
            "GET " + CORE + "persistentvolumeclaims/data",
            "GET " + VOLUME,
            "PATCH " + VOLUME + PATCH_QUERY);
    assertThat(body(sent.get(3)))
        .isEqualTo(
            json(
                """
                {"metadata": {"resourceVersion": "9",
                   "annotations": {"tugboat.dev/pre-cutover-reclaim-policy": null}},
                 "spec": {"persistentVolumeReclaimPolicy": "Delete",
                   "claimRef": {"uid": null, "resourceVersion": null}}}
                """));
  }

  @Test
  void aVolumeWithoutRecordIsNotGivenBack() throws Exception {
    server.enqueue(ok(volume("9", "{}", "{}")));
    JsonObject claim = backedUp("v1", "PersistentVolumeClaim", "data");
    claim.add("spec", json(CLAIM_SPEC));

    List<CutoverAction> actions =
        new VolumeRetention(ResourceApplier.live(apiClient()), SOURCE_TYPES)
            .giveBack(List.of(claim));

    assertThat(actions).isEmpty();
    assertThat(requests()).containsExactly("GET " + VOLUME);
  }

  // ---- helpers ----

  private static final String CLAIM_SPEC = "{\"volumeName\": \"pv-data\"}";

  /** The live volume bound to claim shop/data, reclaim policy Delete unless changed. */
  private static JsonObject volume(String resourceVersion, String annotations, String claimRef) {
    JsonObject volume =
        json(
            """
            {"apiVersion": "v1", "kind": "PersistentVolume",
             "metadata": {"name": "pv-data"},
             "spec": {"persistentVolumeReclaimPolicy": "Delete",
               "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "shop", "name": "data"}}}
            """);
    volume.getAsJsonObject("metadata").addProperty("resourceVersion", resourceVersion);
    volume.getAsJsonObject("metadata").add("annotations", json(annotations));
    JsonObject reference = volume.getAsJsonObject("spec").getAsJsonObject("claimRef");
    json(claimRef).entrySet().forEach(field -> reference.add(field.getKey(), field.getValue()));
    return volume;
  }

  private ApiClient apiClient() {
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    return new ClientBuilder().setBasePath(base()).build();
  }

  private void assertQuiescePatch(JsonObject live, String path, String patch, String detail)
      throws Exception {
    assertSinglePatch(live, path, patch, detail, CutoverOutcome.QUIESCED, true);
  }

  private void assertUnquiescePatch(JsonObject live, String path, String patch, String detail)
      throws Exception {
    assertSinglePatch(live, path, patch, detail, CutoverOutcome.UNQUIESCED, false);
  }

  private void assertSinglePatch(
      JsonObject live,
      String path,
      String patch,
      String detail,
      CutoverOutcome outcome,
      boolean quiesce)
      throws Exception {
    server.enqueue(ok(live));
    server.enqueue(ok(live));
    server.enqueue(ok(live));
    String kind = live.get("kind").getAsString();
    String name = live.getAsJsonObject("metadata").get("name").getAsString();
    List<JsonObject> objects = List.of(backedUp(live.get("apiVersion").getAsString(), kind, name));

    List<CutoverAction> actions = quiesce ? cutover.quiesce(objects) : cutover.unquiesce(objects);

    assertThat(actions).containsExactly(new CutoverAction(kind, "shop", name, outcome, detail));
    List<RecordedRequest> sent = takeAll();
    assertThat(sent.stream().map(SourceCutoverTest::describe))
        .containsExactly("GET " + path, "GET " + path, "PATCH " + path + PATCH_QUERY);
    assertThat(body(sent.get(2))).isEqualTo(json(patch));
  }

  /** An object as the backup holds it: identity and a spec the cutover must not rely on. */
  private static JsonObject backedUp(String apiVersion, String kind, String name) {
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", apiVersion);
    object.addProperty("kind", kind);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("namespace", "shop");
    metadata.addProperty("name", name);
    object.add("metadata", metadata);
    object.add("spec", json("{\"replicas\": 99, \"suspend\": false, \"parallelism\": 99}"));
    return object;
  }

  private static JsonObject live(
      String apiVersion,
      String kind,
      String name,
      String resourceVersion,
      String annotations,
      String spec) {
    JsonObject object = backedUp(apiVersion, kind, name);
    JsonObject metadata = object.getAsJsonObject("metadata");
    metadata.addProperty("uid", "uid-" + name);
    metadata.addProperty("resourceVersion", resourceVersion);
    metadata.add("annotations", json(annotations));
    object.add("spec", json(spec));
    return object;
  }

  private static ApiResource type(String group, String plural, String kind, boolean namespaced) {
    String version = "v1";
    return new ApiResource(
        group,
        version,
        plural,
        kind,
        namespaced,
        Set.of("get", "patch", "delete"),
        List.of(),
        version);
  }

  private String base() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  private List<String> requests() throws InterruptedException {
    return takeAll().stream().map(SourceCutoverTest::describe).toList();
  }

  private List<RecordedRequest> takeAll() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (RecordedRequest request = server.takeRequest(0, TimeUnit.SECONDS);
        request != null;
        request = server.takeRequest(0, TimeUnit.SECONDS)) {
      requests.add(request);
    }
    return requests;
  }

  private static String describe(RecordedRequest request) {
    String query = request.getUrl().encodedQuery();
    return request.getMethod()
        + " "
        + request.getUrl().encodedPath()
        + (query == null ? "" : "?" + query);
  }

  private static JsonElement body(RecordedRequest request) {
    return JsonParser.parseString(request.getBody().utf8());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static MockResponse conflict() {
    return status(
        409,
        "Conflict",
        "Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified");
  }

  private static MockResponse deletedStatus() {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Success");
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), status.toString());
  }

  private static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return new MockResponse(
        code, Headers.of("Content-Type", "application/json"), status.toString());
  }

  private static MockResponse ok(JsonObject object) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), object.toString());
  }
}
