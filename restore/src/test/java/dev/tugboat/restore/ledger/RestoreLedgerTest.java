package dev.tugboat.restore.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import dev.tugboat.restore.apply.ItemOutcome.Action;
import dev.tugboat.restore.report.ItemOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreLedgerTest {

  private static final JsonObject BEFORE =
      JsonParser.parseString(
              "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                  + "\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\",\"uid\":\"u-1\"},"
                  + "\"spec\":{\"replicas\":3}}")
          .getAsJsonObject();

  private static final LedgerEntry UPDATED =
      new LedgerEntry(
          "deployments.apps",
          "apps/v1",
          "Deployment",
          "shop",
          "web",
          Disposition.UPDATED,
          "spec.replicas differs",
          BEFORE);
  private static final LedgerEntry CREATED =
      new LedgerEntry(
          "configmaps", "v1", "ConfigMap", "shop", "settings", Disposition.CREATED, "", null);
  private static final LedgerEntry NAMESPACE =
      new LedgerEntry(
          "namespaces", "v1", "Namespace", "", "shop", Disposition.NOT_RESTORED, "why not", null);

  @TempDir Path folder;

  private List<LedgerEntry> read(RestoreLedger ledger, String step, int count) throws IOException {
    List<LedgerEntry> entries = new ArrayList<>();
    long read = ledger.read(step, count, entries::add);
    assertThat(read).isEqualTo(entries.size());
    return entries;
  }

  @Test
  void chunksAreReadBackExactlyInOrder() throws IOException {
    LocalBackupStore store = new LocalBackupStore(folder);
    RestoreLedger ledger = new RestoreLedger(store, "r1", "run-a");

    ledger.writeChunk("apply", 0, List.of(NAMESPACE, CREATED));
    ledger.writeChunk("apply", 1, List.of(UPDATED));

    List<LedgerEntry> entries = read(ledger, "apply", 2);
    assertThat(entries).containsExactly(NAMESPACE, CREATED, UPDATED);
    assertThat(entries.get(2).before()).isEqualTo(BEFORE);
    assertThat(entries.get(1).before()).isNull();
  }

  @Test
  void keysAreUnderTheRestoreRunAndStep() throws IOException {
    LocalBackupStore store = new LocalBackupStore(folder);
    RestoreLedger ledger = new RestoreLedger(store, "r1", "run-a");

    ledger.writeChunk("apply", 0, List.of(CREATED));
    ledger.writeChunk("apply", 1, List.of(CREATED));
    ledger.writeChunk("crds", 0, List.of(CREATED));

    assertThat(store.list("restores/"))
        .containsExactlyInAnyOrder(
            "restores/r1/ledger/run-a/apply/000000",
            "restores/r1/ledger/run-a/apply/000001",
            "restores/r1/ledger/run-a/crds/000000");
  }

  @Test
  void aRewrittenChunkReplacesTheOldOne() throws IOException {
    RestoreLedger ledger = new RestoreLedger(new LocalBackupStore(folder), "r1", "run-a");
    ledger.writeChunk("apply", 0, List.of(NAMESPACE, CREATED));

    ledger.writeChunk("apply", 0, List.of(UPDATED));

    assertThat(read(ledger, "apply", 1)).containsExactly(UPDATED);
  }

  @Test
  void onlyTheCountedChunksAreRead() throws IOException {
    RestoreLedger ledger = new RestoreLedger(new LocalBackupStore(folder), "r1", "run-a");
    ledger.writeChunk("apply", 0, List.of(CREATED));
    ledger.writeChunk("apply", 1, List.of(UPDATED));

    assertThat(read(ledger, "apply", 1)).containsExactly(CREATED);
  }

  @Test
  void anotherRunsChunksAreNotThisRunsAndAMissingChunkFails() throws IOException {
    LocalBackupStore store = new LocalBackupStore(folder);
    new RestoreLedger(store, "r1", "run-a").writeChunk("apply", 0, List.of(CREATED));
    RestoreLedger other = new RestoreLedger(store, "r1", "run-b");

    assertThatThrownBy(() -> other.read("apply", 1, entry -> {}))
        .isInstanceOf(StoreObjectNotFoundException.class)
        .hasMessageContaining("restores/r1/ledger/run-b/apply/000000");
  }

  @Test
  void deleteAllDeletesEveryRunsLedger() throws IOException {
    LocalBackupStore store = new LocalBackupStore(folder);
    new RestoreLedger(store, "r1", "run-a").writeChunk("apply", 0, List.of(CREATED));
    new RestoreLedger(store, "r1", "run-b").writeChunk("apply", 0, List.of(CREATED));
    new RestoreLedger(store, "r2", "run-c").writeChunk("apply", 0, List.of(CREATED));

    new RestoreLedger(store, "r1", "run-b").deleteAll();

    assertThat(store.list("restores/")).containsExactly("restores/r2/ledger/run-c/apply/000000");
  }

  @Test
  void entriesDescribeTheirObject() {
    assertThat(UPDATED.key()).isEqualTo("shop/web");
    assertThat(UPDATED.describe()).isEqualTo("deployments.apps/shop/web");
    assertThat(NAMESPACE.key()).isEqualTo("shop");
    assertThat(NAMESPACE.describe()).isEqualTo("namespaces/shop");
  }

  @Test
  void dispositionsMapToVeleroOutcomes() {
    assertThat(Disposition.CREATED.veleroOutcome()).contains(ItemOutcome.CREATED);
    assertThat(Disposition.RECREATED.veleroOutcome()).contains(ItemOutcome.CREATED);
    assertThat(Disposition.UPDATED.veleroOutcome()).contains(ItemOutcome.UPDATED);
    assertThat(Disposition.UNCHANGED.veleroOutcome()).contains(ItemOutcome.SKIPPED);
    assertThat(Disposition.SKIPPED.veleroOutcome()).contains(ItemOutcome.SKIPPED);
    assertThat(Disposition.FAILED.veleroOutcome()).contains(ItemOutcome.FAILED);
    assertThat(Disposition.NOT_RESTORED.veleroOutcome()).isEqualTo(Optional.empty());
  }

  @Test
  void dispositionWords() {
    assertThat(Disposition.NOT_RESTORED.word()).isEqualTo("not-restored");
    assertThat(Disposition.RECREATED.word()).isEqualTo("recreated");
  }

  @Test
  void everyApplyActionHasItsDisposition() {
    assertThat(Disposition.of(Action.CREATED)).isEqualTo(Disposition.CREATED);
    assertThat(Disposition.of(Action.UPDATED)).isEqualTo(Disposition.UPDATED);
    assertThat(Disposition.of(Action.RECREATED)).isEqualTo(Disposition.RECREATED);
    assertThat(Disposition.of(Action.UNCHANGED)).isEqualTo(Disposition.UNCHANGED);
    assertThat(Disposition.of(Action.SKIPPED)).isEqualTo(Disposition.SKIPPED);
    assertThat(Disposition.of(Action.FAILED)).isEqualTo(Disposition.FAILED);
  }
}
