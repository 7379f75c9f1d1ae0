package dev.tugboat.restore.rollback;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of one rollback run: numbered chunks per step under {@code
 * restores/<name>/rollback/<run>/<step>/}, each written before the commit that counts it and
 * rewritten under the same number when a chunk is redone after a crash, as the restore's own
 * ledger. Velero ignores the folder.
 */
final class OutcomeLedger {

  /** The consumer of outcomes read back, in the order they were recorded. */
  @FunctionalInterface
  interface OutcomeConsumer {
    void accept(UndoOutcome outcome) throws IOException;
  }

  private final StagingArea chunks;

  OutcomeLedger(BackupStore store, String restore, String run) {
    this.chunks = StagingArea.under(store, StoreLayout.restoreFolder(restore) + "rollback/", run);
  }

  void writeChunk(String step, int index, List<UndoOutcome> outcomes) throws IOException {
    List<StagedItem> staged = new ArrayList<>(outcomes.size());
    for (UndoOutcome outcome : outcomes) {
      staged.add(outcome.toStaged());
    }
    chunks.writeChunk(step, index, staged);
  }

  void read(String step, int count, OutcomeConsumer consumer) throws IOException {
    chunks.readSegment(step, count, staged -> consumer.accept(UndoOutcome.fromStaged(staged)));
  }

  /** Deletes the outcomes of every run: a dry run's, once printed. */
  void deleteAll() {
    chunks.deleteAll();
  }
}
