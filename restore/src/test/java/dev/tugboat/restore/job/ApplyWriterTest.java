package dev.tugboat.restore.job;

import static dev.tugboat.restore.job.TestSessions.CONFIG_MAPS;
import static dev.tugboat.restore.job.TestSessions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import dev.tugboat.restore.apply.ItemApplier;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.ledger.RestoreLedger;
import dev.tugboat.restore.transform.Transformed;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ApplyWriterTest {

  /** When the restore's first attempt started; the server keeps whole seconds. */
  private static final Instant STARTED = Instant.parse("2026-11-22T10:00:00.700Z");

  private static final JsonObject DESIRED =
      json(
          "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'shop',"
              + "'labels':{'velero.io/backup-name':'b1','velero.io/restore-name':'r1'}},"
              + "'data':{'color':'blue'}}");

  private static final JsonObject LIVE_DIFFERENT =
      json(
          "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'shop',"
              + "'uid':'u-1','resourceVersion':'7','creationTimestamp':'2025-01-01T00:00:00Z'},"
              + "'data':{'color':'red'}}");

  private final MockWebServer server = new MockWebServer();
  @TempDir Path folder;
  private ResourceApplier cluster;
  private RestoreLedger ledger;
  private final RestoreProgress progress = new RestoreProgress();

  @BeforeEach
  void start() throws IOException {
    server.start();
    String url = server.url("/").toString();
    cluster =
        ResourceApplier.live(
            new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build());
    ledger = new RestoreLedger(new LocalBackupStore(folder), "r1", "run-a");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The live object an earlier attempt or another restore left, equal to {@link #DESIRED}. */
  private static JsonObject liveEqual(String restoreName, String created) {
    return json(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'shop',"
            + "'uid':'u-1','resourceVersion':'7','creationTimestamp':'"
            + created
            + "','labels':{'velero.io/backup-name':'b1','velero.io/restore-name':'"
            + restoreName
            + "'}},'data':{'color':'blue'}}");
  }

  private ApplyWriter writer(ItemApplier applier) {
    return new ApplyWriter(applier, ledger, "apply", "r1", STARTED, 1, progress);
  }

  private ApplyWriter liveWriter(ExistingResourcePolicy policy) {
    return writer(ItemApplier.live(cluster, policy, PollingWait.standard()));
  }

  private static PreparedItem toApply(JsonObject object) {
    return PreparedItem.apply(
        CONFIG_MAPS, new Transformed.Create(object, Optional.of("shop"), Optional.empty()));
  }

  private static PreparedItem decided(String name, Disposition disposition) {
    return PreparedItem.decided(
        CONFIG_MAPS,
        new LedgerEntry("configmaps", "v1", "ConfigMap", "shop", name, disposition, "why", null));
  }

  /** The single entry of one write of {@link #DESIRED}. */
  private LedgerEntry applyOnce(ApplyWriter writer) throws IOException {
    writer.open(new ExecutionContext());
    try {
      writer.write(Chunk.of(toApply(DESIRED)));
    } finally {
      writer.close();
    }
    List<LedgerEntry> entries = readLedger(1);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private List<LedgerEntry> readLedger(int chunks) throws IOException {
    List<LedgerEntry> entries = new ArrayList<>();
    ledger.read("apply", chunks, entries::add);
    return entries;
  }

  private static LedgerEntry entry(Disposition disposition, String message, JsonObject before) {
    return new LedgerEntry(
        "configmaps", "v1", "ConfigMap", "shop", "settings", disposition, message, before);
  }

  private void enqueue(int code, JsonElement body) {
    server.enqueue(
        new MockResponse(code, Headers.of("Content-Type", "application/json"), body.toString()));
  }

  private void enqueueAlreadyExists() {
    enqueue(
        409,
        json(
            "{'kind':'Status','apiVersion':'v1','status':'Failure','reason':'AlreadyExists',"
                + "'message':'configmaps \\\"settings\\\" already exists','code':409}"));
  }

  @Test
  void aCreatedObjectIsRecordedWithoutBeforeImage() throws IOException {
    enqueue(201, DESIRED);

    assertThat(applyOnce(liveWriter(ExistingResourcePolicy.NONE)))
        .isEqualTo(entry(Disposition.CREATED, "", null));
  }

  @Test
  void anEqualObjectOfThisRestoreCreatedInTheStartSecondWasCreatedByAnEarlierAttempt()
      throws IOException {
    enqueueAlreadyExists();
    enqueue(200, liveEqual("r1", "2026-11-22T10:00:00Z"));

    assertThat(applyOnce(liveWriter(ExistingResourcePolicy.NONE)))
        .isEqualTo(entry(Disposition.CREATED, "", null));
  }

  @Test
  void anEqualObjectOfThisRestoreOlderThanItIsUnchanged() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, liveEqual("r1", "2026-11-22T09:59:59Z"));

    assertThat(applyOnce(liveWriter(ExistingResourcePolicy.NONE)))
        .isEqualTo(entry(Disposition.UNCHANGED, "", null));
  }

  @Test
  void anEqualObjectOfAnotherRestoreIsUnchangedHoweverNew() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, liveEqual("r0", "2026-11-22T11:00:00Z"));

    assertThat(applyOnce(liveWriter(ExistingResourcePolicy.NONE)))
        .isEqualTo(entry(Disposition.UNCHANGED, "", null));
  }

  @Test
  void aDryRunNeverCountsAnEqualObjectAsCreated() throws IOException {
    enqueue(200, liveEqual("r1", "2026-11-22T11:00:00Z"));

    LedgerEntry recorded =
        applyOnce(writer(ItemApplier.dryRun(cluster, ExistingResourcePolicy.NONE)));

    assertThat(recorded).isEqualTo(entry(Disposition.UNCHANGED, "", null));
  }

  @Test
  void anUpdatedObjectKeepsItsBeforeImage() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, LIVE_DIFFERENT);
    enqueue(200, LIVE_DIFFERENT); // mergePatch reads the object again
    enqueue(200, DESIRED);

    LedgerEntry recorded = applyOnce(liveWriter(ExistingResourcePolicy.UPDATE));

    assertThat(recorded.disposition()).isEqualTo(Disposition.UPDATED);
    assertThat(recorded.before()).isEqualTo(LIVE_DIFFERENT);
  }

  @Test
  void aRecreatedObjectKeepsItsBeforeImage() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, LIVE_DIFFERENT);
    enqueue(200, json("{'kind':'Status','status':'Success'}"));
    enqueue(201, DESIRED);

    LedgerEntry recorded = applyOnce(liveWriter(ExistingResourcePolicy.RECREATE));

    assertThat(recorded).isEqualTo(entry(Disposition.RECREATED, "", LIVE_DIFFERENT));
  }

  @Test
  void aFailedUpdateKeepsItsBeforeImage() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, LIVE_DIFFERENT);
    enqueue(200, LIVE_DIFFERENT);
    enqueue(
        422,
        json(
            "{'kind':'Status','apiVersion':'v1','status':'Failure','reason':'Invalid',"
                + "'message':'data is invalid','code':422}"));

    LedgerEntry recorded = applyOnce(liveWriter(ExistingResourcePolicy.UPDATE));

    assertThat(recorded.disposition()).isEqualTo(Disposition.FAILED);
    assertThat(recorded.message()).contains("data is invalid");
    assertThat(recorded.before()).isEqualTo(LIVE_DIFFERENT);
    assertThat(progress.snapshot().failed()).isEqualTo(1);
  }

  @Test
  void aSkippedObjectHasNoBeforeImage() throws IOException {
    enqueueAlreadyExists();
    enqueue(200, LIVE_DIFFERENT);

    LedgerEntry recorded = applyOnce(liveWriter(ExistingResourcePolicy.NONE));

    assertThat(recorded.disposition()).isEqualTo(Disposition.SKIPPED);
    assertThat(recorded.message())
        .startsWith("could not restore, ConfigMap:settings already exists.");
    assertThat(recorded.before()).isNull();
  }

  @Test
  void eachWriteIsTheNextLedgerChunkAcrossRestarts() throws IOException {
    ExecutionContext context = new ExecutionContext();
    ApplyWriter first = liveWriter(ExistingResourcePolicy.NONE);
    first.open(context);
    first.write(Chunk.of(decided("a", Disposition.NOT_RESTORED), decided("b", Disposition.FAILED)));
    first.write(Chunk.of(decided("c", Disposition.NOT_RESTORED)));
    first.update(context);
    first.close();

    assertThat(context.getInt("staged.chunks")).isEqualTo(2);
    assertThat(context.getLong("staged.items")).isEqualTo(3);

    ApplyWriter restarted = liveWriter(ExistingResourcePolicy.NONE);
    restarted.open(context);
    restarted.write(Chunk.of(decided("d", Disposition.NOT_RESTORED)));
    restarted.update(context);
    restarted.close();

    assertThat(readLedger(3).stream().map(LedgerEntry::name)).containsExactly("a", "b", "c", "d");
    assertThat(context.getInt("staged.chunks")).isEqualTo(3);
    assertThat(context.getLong("staged.items")).isEqualTo(4);
    assertThat(server.getRequestCount()).isZero();
    assertThat(progress.snapshot())
        .isEqualTo(new RestoreProgress.Snapshot(RestoreProgress.Phase.VALIDATING, 4, 0, 1));
  }

  @Test
  void aChunkRedoneAfterARollbackReplacesItsLedgerChunk() throws IOException {
    ExecutionContext committed = new ExecutionContext();
    ApplyWriter first = liveWriter(ExistingResourcePolicy.NONE);
    first.open(committed);
    first.write(Chunk.of(decided("a", Disposition.NOT_RESTORED)));
    first.update(committed);
    // Written but never committed: the attempt crashed before its commit.
    first.write(Chunk.of(decided("lost", Disposition.NOT_RESTORED)));
    first.close();

    ApplyWriter restarted = liveWriter(ExistingResourcePolicy.NONE);
    restarted.open(committed);
    restarted.write(Chunk.of(decided("b", Disposition.NOT_RESTORED)));
    restarted.close();

    assertThat(readLedger(2).stream().map(LedgerEntry::name)).containsExactly("a", "b");
  }
}
