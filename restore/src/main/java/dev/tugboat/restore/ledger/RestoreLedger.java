package dev.tugboat.restore.ledger;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The item ledger of one restore run: numbered chunks of {@link LedgerEntry entries} per step,
 * under {@code restores/<name>/ledger/<run>/<step>/} in a store. Each chunk is written before the
 * commit that counts it, and written again under the same number when a chunk is redone after a
 * crash, so the entries of the counted chunks are exactly the items applied, each once. Velero
 * ignores the folder.
 */
public final class RestoreLedger {

  private final StagingArea chunks;

  /**
   * @param run identifies the run, so an abandoned run's chunks are never read as this one's
   */
  public RestoreLedger(BackupStore store, String restore, String run) {
    this.chunks = StagingArea.under(store, StoreLayout.restoreFolder(restore) + "ledger/", run);
  }

  /** Stores chunk {@code index} of a step's entries, replacing what an earlier attempt stored. */
  public void writeChunk(String step, int index, List<LedgerEntry> entries) throws IOException {
    List<StagedItem> staged = new ArrayList<>(entries.size());
    for (LedgerEntry entry : entries) {
      staged.add(entry.toStaged());
    }
    chunks.writeChunk(step, index, staged);
  }

  /**
   * Reads chunks {@code 0} to {@code count-1} of a step's entries, in order.
   *
   * @return how many entries were read
   * @throws IOException when a chunk is missing or damaged
   */
  public long read(String step, int count, LedgerConsumer consumer) throws IOException {
    return chunks.readSegment(
        step, count, staged -> consumer.accept(LedgerEntry.fromStaged(staged)));
  }

  /** Deletes the ledger of every run of the restore. */
  public void deleteAll() {
    chunks.deleteAll();
  }
}
