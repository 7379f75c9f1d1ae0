package dev.tugboat.restore.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.LedgerConsumer;
import dev.tugboat.restore.migrate.hooks.HookRunner;
import dev.tugboat.restore.migrate.verify.AvailabilityProbe;
import dev.tugboat.restore.migrate.verify.ReadinessWait;
import dev.tugboat.restore.report.RestoreSummary;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One application's migration against a fake target with room for a fixed number of pods of its
 * Deployment shop/web (8 replicas in the source, floor 2): the restore is faked, the readiness
 * check and the scaling go through real clients to the fake API server.
 */
class ApplicationMigrationTest {

  private static final ApiResource DEPLOYMENTS =
      new ApiResource("apps", "v1", "deployments", "Deployment", true, Set.of(), List.of(), "v1");

  private static final String DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/web";

  private static final String SHORTAGE = "0/3 nodes are available: 3 Insufficient cpu.";

  private TargetCluster target;
  private final List<RestoreRun> restores = new ArrayList<>();
  private final List<String> rolledBack = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    target = new TargetCluster();
  }

  @AfterEach
  void stop() {
    target.close();
  }

  @Test
  void aTier2ApplicationShortOfRoomStepsDownToItsFloorAndThenFails() throws Exception {
    target.room = 1;

    ApplicationOutcome outcome = migrate(plan(""), application(2, 2));

    assertThat(target.patches())
        .containsExactly(
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":6}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":4}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":2}}");
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.FAILED);
    assertThat(outcome.reason())
        .isEqualTo(
            "short of room at its floor: Deployment shop/web: 1 pod unschedulable: " + SHORTAGE);
    assertThat(outcome.attempts()).isEqualTo(4);
    assertThat(outcome.restore()).isEqualTo("move-shop-shop");
    assertThat(outcome.decisions())
        .extracting(Decision::action)
        .containsExactly(
            "restored by move-shop-shop: {Created=3}",
            "replicas 8 -> 6 (ladder 0.75)",
            "replicas 6 -> 4 (ladder 0.5)",
            "replicas 4 -> 2 (ladder floor)",
            "failed");
    assertThat(outcome.decisions().get(1).reason())
        .isEqualTo("Deployment shop/web: 7 pods unschedulable: " + SHORTAGE);
  }

  @Test
  void aTier2ApplicationThatFitsOneRungDownIsDegraded() throws Exception {
    target.room = 4;

    ApplicationOutcome outcome = migrate(plan(""), application(2, 2));

    assertThat(target.patches())
        .containsExactly(
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":6}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":4}}");
    assertThat(outcome)
        .extracting(
            ApplicationOutcome::status,
            ApplicationOutcome::reason,
            ApplicationOutcome::sourceReplicas,
            ApplicationOutcome::plannedReplicas,
            ApplicationOutcome::finalReplicas,
            ApplicationOutcome::attempts)
        .containsExactly(ApplicationStatus.DEGRADED, "4 of 8 replicas", 8, 8, 4, 3);
  }

  @Test
  void anApplicationWithRoomIsMigratedWithoutAPatch() throws Exception {
    target.room = 8;

    ApplicationOutcome outcome = migrate(plan(""), application(2, 2));

    assertThat(target.patches()).isEmpty();
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.MIGRATED);
    assertThat(outcome.reason()).isEmpty();
    assertThat(outcome.finalReplicas()).isEqualTo(8);
    assertThat(outcome.attempts()).isEqualTo(1);
    RestoreRun restore = restores.get(0);
    assertThat(restore.request().name()).isEqualTo("move-shop-shop");
    assertThat(restore.request().backup()).isEqualTo("move-shop");
    assertThat(restore.request().includeNamespaces()).containsExactly("shop");
    assertThat(restore.context()).isEqualTo("standby");
  }

  @Test
  void tier0WithoutAllowCoreDegradeFailsAtOnce() throws Exception {
    target.room = 1;

    ApplicationOutcome outcome = migrate(plan(""), application(0, 2));

    assertThat(target.patches()).isEmpty();
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.FAILED);
    assertThat(outcome.reason())
        .isEqualTo(
            "short of room, and tier 0 is never degraded without allowCoreDegrade: "
                + "Deployment shop/web: 7 pods unschedulable: "
                + SHORTAGE);
    assertThat(outcome.attempts()).isEqualTo(1);
  }

  @Test
  void tier0WithAllowCoreDegradeStepsDown() throws Exception {
    target.room = 6;

    ApplicationOutcome outcome = migrate(plan("allowCoreDegrade: true\n"), application(0, 2));

    assertThat(target.patches())
        .containsExactly("PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":6}}");
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.DEGRADED);
  }

  @Test
  void tier3UnderPartialIsDeferredAndScaledToZeroAtItsFloor() throws Exception {
    target.room = 1;

    ApplicationOutcome outcome =
        migrate(plan("onInsufficientCapacity: partial\n"), application(3, 2));

    assertThat(target.patches())
        .containsExactly(
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":6}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":4}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":2}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":0}}");
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.DEFERRED);
    assertThat(outcome.reason())
        .isEqualTo(
            "short of room at its floor: Deployment shop/web: 1 pod unschedulable: " + SHORTAGE);
    assertThat(outcome.finalReplicas()).isZero();
    assertThat(outcome.decisions())
        .extracting(Decision::action)
        .endsWith("replicas 4 -> 2 (ladder floor)", "deferred: scaled to 0");
  }

  @Test
  void tier3WithAFloorOf0UnderPartialIsDeferredToo() throws Exception {
    target.room = 1;

    ApplicationOutcome outcome =
        migrate(plan("onInsufficientCapacity: partial\n"), application(3, 0));

    assertThat(target.patches())
        .containsExactly(
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":6}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":4}}",
            "PATCH " + DEPLOYMENT + " {\"spec\":{\"replicas\":0}}");
    // Nothing of it runs in the target: its source must not be cut over.
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.DEFERRED);
    assertThat(outcome.finalReplicas()).isZero();
  }

  @Test
  void anApplicationTheCapacityPlanDeferredIsNeitherRestoredNorChecked() throws Exception {
    ApplicationPlan deferred =
        new ApplicationPlan("shop", 3, true, "deferred", List.of("shop"), List.of(web(2, 0)));

    ApplicationOutcome outcome = migrate(plan("onInsufficientCapacity: partial\n"), deferred);

    assertThat(restores).isEmpty();
    assertThat(target.requests()).isEmpty();
    assertThat(outcome)
        .extracting(
            ApplicationOutcome::status,
            ApplicationOutcome::reason,
            ApplicationOutcome::restore,
            ApplicationOutcome::finalReplicas,
            ApplicationOutcome::attempts)
        .containsExactly(
            ApplicationStatus.DEFERRED, "no room in the target at its floor", "", 0, 0);
  }

  @Test
  void aRestoreWithErrorsFailsWithoutAReadinessCheck() throws Exception {
    ApplicationMigration migration =
        migration(
            plan(""),
            restoring(
                run -> {
                  restores.add(run);
                  return summary(run, "PartiallyFailed", 2);
                }));

    ApplicationOutcome outcome = migration.migrate(application(2, 2));

    assertThat(target.requests()).isEmpty();
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.FAILED);
    assertThat(outcome.reason())
        .isEqualTo(
            "restore move-shop-shop PartiallyFailed with 2 errors; see `tugboat restore describe"
                + " move-shop-shop --details`");
    assertThat(outcome.attempts()).isZero();
  }

  @Test
  void underOnFailureRollbackAFailedApplicationsRestoreIsRolledBackAndRecorded() throws Exception {
    ApplicationMigration migration =
        migration(
            plan("onFailure: rollback\n"), restoring(run -> summary(run, "PartiallyFailed", 2)));

    ApplicationOutcome outcome = migration.migrate(application(2, 2));

    assertThat(rolledBack).containsExactly("move-shop-shop");
    assertThat(outcome.status()).isEqualTo(ApplicationStatus.FAILED);
    assertThat(outcome.finalReplicas()).isZero();
    assertThat(outcome.decisions())
        .extracting(Decision::action, Decision::reason)
        .last()
        .isEqualTo(
            tuple(
                "rolled back restore move-shop-shop: 3 deleted, 0 put back, 1 left alone, 0 failed",
                "onFailure: rollback"));
  }

  @Test
  void underOnFailureKeepAFailedApplicationIsLeftAsItFailed() throws Exception {
    ApplicationMigration migration =
        migration(plan(""), restoring(run -> summary(run, "PartiallyFailed", 2)));

    ApplicationOutcome outcome = migration.migrate(application(2, 2));

    assertThat(rolledBack).isEmpty();
    assertThat(outcome.finalReplicas()).isEqualTo(8);
    assertThat(outcome.decisions())
        .extracting(Decision::action)
        .noneMatch(a -> a.contains("rolled"));
  }

  private static String plan(String extra) {
    return """
        apiVersion: tugboat.dev/v1
        kind: MigrationPlan
        name: move-shop
        source: {context: primary}
        target: {context: standby}
        ladder: [1.0, 0.75, 0.5]
        applications:
        - name: shop
          selector: {namespaces: [shop]}
        """
        + extra;
  }

  private static WorkloadResult web(int floor, int planned) {
    return new WorkloadResult(
        "shop", "Deployment", "shop", "shop", "web", 8, floor, planned, planned, false);
  }

  private static ApplicationPlan application(int tier, int floor) {
    return new ApplicationPlan(
        "shop", tier, false, ApplicationPlan.FULL, List.of("shop"), List.of(web(floor, 8)));
  }

  private ApplicationOutcome migrate(String plan, ApplicationPlan application) throws Exception {
    return migration(
            plan,
            restoring(
                run -> {
                  restores.add(run);
                  // The restore creates the Deployment with its planned replicas.
                  target.replicas = 8;
                  return summary(run, "Completed", 0);
                }))
        .migrate(application);
  }

  /** A launcher whose restore does what the test says; only Karmada mode reads a ledger. */
  private static RestoreLauncher restoring(Function<RestoreRun, RestoreSummary> restore) {
    return new RestoreLauncher() {
      @Override
      public RestoreSummary restore(RestoreRun run) {
        return restore.apply(run);
      }

      @Override
      public void readLedger(RestoreRun run, LedgerConsumer consumer) {
        throw new AssertionError("the ledger is read in Karmada mode only");
      }
    };
  }

  private ApplicationMigration migration(String plan, RestoreLauncher launcher) {
    MigrationRun run =
        new MigrationRun(
            MigrationPlanParser.parse(plan), "/backups", null, null, 50, 100, Path.of("/tmp/work"));
    ApiClient client = target.client();
    return new ApplicationMigration(
        run,
        launcher,
        Optional.empty(),
        new ReadinessWait(
            new AvailabilityProbe(client),
            target.clock(),
            target.sleeper(),
            Duration.ofSeconds(10),
            Duration.ZERO),
        ResourceApplier.live(client),
        new ResourceCatalog(List.of(DEPLOYMENTS), List.of()),
        new HookRunner(),
        restore -> {
          rolledBack.add(restore);
          return "3 deleted, 0 put back, 1 left alone, 0 failed";
        },
        target.clock());
  }

  private static RestoreSummary summary(RestoreRun run, String phase, int errors) {
    return new RestoreSummary(
        run.request().name(),
        run.request().backup(),
        phase,
        false,
        "2026-11-23T07:00:00Z",
        "2026-11-23T07:01:00Z",
        Map.of("Created", 3L),
        0,
        errors,
        Map.of(),
        "none",
        "");
  }

  /**
   * A target API server with room for {@link #room} pods of Deployment shop/web: it reports that
   * many available (at most its replicas) and the rest as unschedulable pods, and takes merge
   * patches of its replicas. Its sleeper advances its clock without sleeping.
   */
  private static final class TargetCluster implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int replicas;
    private volatile int room;
    private volatile Instant now = Instant.parse("2026-11-23T07:00:00Z");

    TargetCluster() throws IOException {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String path = request.getUrl().encodedPath();
              String body = request.getBody() == null ? "" : request.getBody().utf8();
              requests.add(request.getMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
              return answer(request.getMethod(), path, body);
            }
          });
      server.start();
    }

    private MockResponse answer(String method, String path, String body) {
      if (path.equals(DEPLOYMENT) && method.equals("PATCH")) {
        replicas =
            JsonParser.parseString(body)
                .getAsJsonObject()
                .getAsJsonObject("spec")
                .get("replicas")
                .getAsInt();
        return json(deployment());
      }
      if (path.equals(DEPLOYMENT)) {
        return json(deployment());
      }
      if (path.equals("/apis/apps/v1/namespaces/shop/replicasets")) {
        return json(list(List.of()));
      }
      if (path.equals("/api/v1/namespaces/shop/pods")) {
        List<String> pods = new ArrayList<>();
        for (int pod = Math.min(replicas, room); pod < replicas; pod++) {
          pods.add(
              """
              {"apiVersion": "v1", "kind": "Pod",
               "metadata": {"name": "web-%d", "namespace": "shop", "labels": {"app": "web"}},
               "status": {"phase": "Pending", "conditions": [{"type": "PodScheduled",
                 "status": "False", "reason": "Unschedulable", "message": "%s"}]}}"""
                  .formatted(pod, SHORTAGE));
        }
        return json(list(pods));
      }
      return new MockResponse(
          404, Headers.of("Content-Type", "application/json"), "{\"kind\": \"Status\"}");
    }

    private String deployment() {
      return """
          {"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": "web", "namespace": "shop", "uid": "d-1", "generation": 1},
           "spec": {"replicas": %d, "selector": {"matchLabels": {"app": "web"}}},
           "status": {"observedGeneration": 1, "replicas": %d, "availableReplicas": %d}}"""
          .formatted(replicas, replicas, Math.min(replicas, room));
    }

    private static String list(List<String> items) {
      JsonArray array = new JsonArray();
      items.forEach(item -> array.add(JsonParser.parseString(item)));
      JsonObject list = new JsonObject();
      list.addProperty("apiVersion", "v1");
      list.addProperty("kind", "List");
      list.add("metadata", new JsonObject());
      list.add("items", array);
      return list.toString();
    }

    private static MockResponse json(String body) {
      return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
    }

    ApiClient client() {
      // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
      String url = server.url("/").toString();
      return new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
    }

    Clock clock() {
      return new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
    }

    Sleeper sleeper() {
      return duration -> now = now.plus(duration);
    }

    List<String> requests() {
      return List.copyOf(requests);
    }

    /** The PATCH requests, with their bodies. */
    List<String> patches() {
      return requests.stream().filter(request -> request.startsWith("PATCH ")).toList();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
