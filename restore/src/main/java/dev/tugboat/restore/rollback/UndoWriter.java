package dev.tugboat.restore.rollback;

import dev.tugboat.backup.collect.StagedSegmentCount;
import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Undoes a chunk of planned items one at a time, in the plan's order (an owner is deleted only
 * after its dependents), then records their outcomes as the step's next numbered chunk of the
 * outcome ledger; the count of chunks is saved with the commit. A chunk redone after a crash finds
 * its work done and records the same outcomes.
 */
final class UndoWriter implements ItemStreamWriter<LedgerEntry> {

  /** The crash point after a chunk's items are undone, before their outcomes are recorded. */
  static final String CRASH_POINT = "rollback.undone-chunk";

  private final ItemUndo undo;
  private final OutcomeLedger ledger;
  private final String step;
  private StagedSegmentCount count = StagedSegmentCount.EMPTY;

  UndoWriter(ItemUndo undo, OutcomeLedger ledger, String step) {
    this.undo = undo;
    this.ledger = ledger;
    this.step = step;
  }

  @Override
  public void open(ExecutionContext context) {
    count = StagedSegmentCount.from(context);
  }

  @Override
  public void write(Chunk<? extends LedgerEntry> chunk) throws IOException {
    List<UndoOutcome> outcomes = new ArrayList<>(chunk.size());
    for (LedgerEntry entry : chunk) {
      outcomes.add(undo.undo(entry));
    }
    CrashPoint.reach(CRASH_POINT);
    ledger.writeChunk(step, count.chunks(), outcomes);
    count = count.plus(outcomes.size());
  }

  @Override
  public void update(ExecutionContext context) {
    count.saveTo(context);
  }
}
