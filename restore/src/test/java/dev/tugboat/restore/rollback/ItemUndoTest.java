package dev.tugboat.restore.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Undoing one item against a scripted API server: the requests sent and the outcome. */
class ItemUndoTest {

  private static final String OBJECT = "/api/v1/namespaces/shop/configmaps/settings";
  private static final String GET = "GET " + OBJECT;
  private static final String DELETE = "DELETE " + OBJECT + "?propagationPolicy=Background";
  private static final String PUT = "PUT " + OBJECT + "?fieldManager=tugboat";
  private static final String POST = "POST /api/v1/namespaces/shop/configmaps?fieldManager=tugboat";

  /** The object as the restore r1 left it. */
  private static final JsonObject RESTORED =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop", "uid": "u-2",
             "resourceVersion": "9", "creationTimestamp": "2026-01-02T00:00:00Z",
             "labels": {"app": "shop", "velero.io/backup-name": "b1",
                        "velero.io/restore-name": "r1"}},
           "data": {"color": "blue"}}
          """);

  /** The object before the restore changed it, as the ledger recorded it. */
  private static final JsonObject BEFORE =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop", "uid": "u-1",
             "resourceVersion": "4", "creationTimestamp": "2026-01-01T00:00:00Z",
             "managedFields": [{"manager": "kubectl"}], "generation": 1,
             "annotations": {"note": "local"}, "labels": {"app": "shop"}},
           "data": {"color": "red", "extra": "1"}}
          """);

  /** What goes back: the before-image without the server's fields. */
  private static final JsonObject WRITABLE_BEFORE =
      json(
          """
          {"apiVersion": "v1", "kind": "ConfigMap",
           "metadata": {"name": "settings", "namespace": "shop",
             "annotations": {"note": "local"}, "labels": {"app": "shop"}},
           "data": {"color": "red", "extra": "1"}}
          """);

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> sleeps = new ArrayList<>();
  private ApiClient apiClient;

  @BeforeEach
  void startServer() throws IOException {
    server.start();
    // No trailing slash: the client counts the base path's slashes to rewrite core-group URLs.
    String url = server.url("/").toString();
    apiClient = new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aCreatedObjectStillLabelledIsDeletedInTheBackground() throws Exception {
    server.enqueue(answer(200, RESTORED));
    server.enqueue(answer(200, RESTORED));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.CREATED, null));

    assertThat(outcome).isEqualTo(outcome(UndoAction.DELETE, UndoResult.DELETED, ""));
    assertThat(requests()).containsExactly(GET, DELETE);
  }

  @Test
  void aCreatedObjectAlreadyGoneCountsAsDeletedWithoutADelete() throws Exception {
    server.enqueue(notFound());

    UndoOutcome outcome = undo(false).undo(entry(Disposition.CREATED, null));

    assertThat(outcome).isEqualTo(outcome(UndoAction.DELETE, UndoResult.DELETED, "already gone"));
    assertThat(requests()).containsExactly(GET);
  }

  @Test
  void aCreatedObjectWithoutTheRestoresLabelIsLeftAlone() throws Exception {
    JsonObject relabelled = RESTORED.deepCopy();
    relabelled
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .addProperty("velero.io/restore-name", "r2");
    server.enqueue(answer(200, relabelled));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.CREATED, null));

    assertThat(outcome)
        .isEqualTo(
            outcome(
                UndoAction.DELETE,
                UndoResult.LEFT_ALONE,
                "it no longer carries the label velero.io/restore-name=r1 (it is r2)"));
    assertThat(requests()).containsExactly(GET);
  }

  @Test
  void aDryRunOnlyReads() throws Exception {
    server.enqueue(answer(200, RESTORED));
    server.enqueue(answer(200, RESTORED));

    UndoOutcome deleted = undo(true).undo(entry(Disposition.CREATED, null));
    UndoOutcome putBack = undo(true).undo(entry(Disposition.UPDATED, BEFORE));

    assertThat(deleted).isEqualTo(outcome(UndoAction.DELETE, UndoResult.DELETED, ""));
    assertThat(putBack).isEqualTo(outcome(UndoAction.PUT_BACK, UndoResult.PUT_BACK, ""));
    assertThat(requests()).containsExactly(GET, GET);
  }

  @Test
  void anUpdatedObjectIsReplacedByItsBeforeImageAtTheLiveVersion() throws Exception {
    server.enqueue(answer(200, RESTORED));
    server.enqueue(answer(200, BEFORE));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.UPDATED, BEFORE));

    assertThat(outcome).isEqualTo(outcome(UndoAction.PUT_BACK, UndoResult.PUT_BACK, ""));
    List<RecordedRequest> requests = takeAll();
    assertThat(requests.stream().map(ItemUndoTest::describe)).containsExactly(GET, PUT);
    JsonObject replacement = WRITABLE_BEFORE.deepCopy();
    replacement.getAsJsonObject("metadata").addProperty("resourceVersion", "9");
    assertThat(bodyOf(requests.get(1))).isEqualTo(replacement);
  }

  @Test
  void anObjectAlreadyEqualToItsBeforeImageIsNotWritten() throws Exception {
    JsonObject putBackEarlier = BEFORE.deepCopy();
    putBackEarlier.getAsJsonObject("metadata").addProperty("resourceVersion", "12");
    putBackEarlier.getAsJsonObject("metadata").remove("managedFields");
    server.enqueue(answer(200, putBackEarlier));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.UPDATED, BEFORE));

    assertThat(outcome)
        .isEqualTo(
            outcome(UndoAction.PUT_BACK, UndoResult.PUT_BACK, "already equal to its before-image"));
    assertThat(requests()).containsExactly(GET);
  }

  @Test
  void aRefusedReplaceFailsTheItemWithTheServersAnswer() throws Exception {
    server.enqueue(answer(200, RESTORED));
    server.enqueue(status(409, "Conflict", "the object has been modified"));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.UPDATED, BEFORE));

    assertThat(outcome)
        .isEqualTo(
            outcome(
                UndoAction.PUT_BACK,
                UndoResult.FAILED,
                "replace refused: HTTP 409: the object has been modified"));
  }

  @Test
  void aRecreatedObjectIsDeletedAndItsBeforeImageCreatedOnceItIsGone() throws Exception {
    server.enqueue(answer(200, RESTORED));
    server.enqueue(answer(200, RESTORED)); // the delete, accepted; a finalizer keeps it
    server.enqueue(answer(200, RESTORED));
    server.enqueue(notFound());
    server.enqueue(answer(201, BEFORE));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.RECREATED, BEFORE));

    assertThat(outcome).isEqualTo(outcome(UndoAction.RECREATE, UndoResult.PUT_BACK, ""));
    List<RecordedRequest> requests = takeAll();
    assertThat(requests.stream().map(ItemUndoTest::describe))
        .containsExactly(GET, DELETE, GET, GET, POST);
    assertThat(bodyOf(requests.get(4))).isEqualTo(WRITABLE_BEFORE);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aRecreateResumedAfterItsDeleteOnlyCreates() throws Exception {
    server.enqueue(notFound());
    server.enqueue(answer(201, BEFORE));

    UndoOutcome outcome = undo(false).undo(entry(Disposition.RECREATED, BEFORE));

    assertThat(outcome).isEqualTo(outcome(UndoAction.RECREATE, UndoResult.PUT_BACK, ""));
    assertThat(requests()).containsExactly(GET, POST);
  }

  @Test
  void itemsTheRestoreDidNotChangeAreNotTouched() throws Exception {
    UndoOutcome outcome =
        undo(false)
            .undo(
                new LedgerEntry(
                    "configmaps",
                    "v1",
                    "ConfigMap",
                    "shop",
                    "settings",
                    Disposition.SKIPPED,
                    "it differs",
                    null));

    assertThat(outcome)
        .isEqualTo(
            outcome(
                UndoAction.LEAVE,
                UndoResult.LEFT_ALONE,
                "the restore left it as it was: it differs"));
    assertThat(requests()).isEmpty();
  }

  private ItemUndo undo(boolean dryRun) {
    long[] nanos = {0};
    Sleeper sleeper =
        duration -> {
          sleeps.add(duration);
          nanos[0] += duration.toNanos();
        };
    PollingWait wait =
        new PollingWait(Duration.ofMinutes(1), Duration.ofSeconds(1), sleeper, () -> nanos[0]);
    return new ItemUndo(
        ResourceApplier.live(apiClient), new ObjectReplacer(apiClient), wait, "r1", dryRun);
  }

  private static LedgerEntry entry(Disposition disposition, JsonObject before) {
    return new LedgerEntry(
        "configmaps", "v1", "ConfigMap", "shop", "settings", disposition, "", before);
  }

  private static UndoOutcome outcome(UndoAction action, UndoResult result, String reason) {
    return new UndoOutcome(
        "configmaps", "v1", "ConfigMap", "shop", "settings", action, result, reason);
  }

  private List<String> requests() throws InterruptedException {
    return takeAll().stream().map(ItemUndoTest::describe).toList();
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

  private static JsonObject bodyOf(RecordedRequest request) {
    return json(request.getBody().utf8());
  }

  private static MockResponse notFound() {
    return status(404, "NotFound", "configmaps \"settings\" not found");
  }

  private static MockResponse status(int code, String reason, String message) {
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("message", message);
    status.addProperty("reason", reason);
    status.addProperty("code", code);
    return answer(code, status);
  }

  private static MockResponse answer(int code, JsonElement body) {
    return new MockResponse(code, Headers.of("Content-Type", "application/json"), body.toString());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
