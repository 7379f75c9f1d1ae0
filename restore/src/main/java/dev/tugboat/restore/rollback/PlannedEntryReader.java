package dev.tugboat.restore.rollback;

import dev.tugboat.restore.ledger.LedgerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Hands out one part of the rollback plan (the deletions or the put-backs) in order, and saves at
 * each commit how many it has handed out: the plan is made again from the same ledger on every
 * attempt, in the same order, so a restarted step goes on after the last committed item.
 */
final class PlannedEntryReader implements ItemStreamReader<LedgerEntry> {

  private static final String POSITION = "rollback.position";

  private final RestoreToRollBack restore;
  private final Function<RollbackPlan, List<LedgerEntry>> part;
  private List<LedgerEntry> entries = List.of();
  private int position;

  PlannedEntryReader(RestoreToRollBack restore, Function<RollbackPlan, List<LedgerEntry>> part) {
    this.restore = restore;
    this.part = part;
  }

  @Override
  public void open(ExecutionContext context) {
    try {
      entries = part.apply(RollbackPlan.of(restore.ledger()));
    } catch (IOException e) {
      throw new UncheckedIOException("the restore's item ledger cannot be read", e);
    }
    position = context.getInt(POSITION, 0);
  }

  @Override
  public LedgerEntry read() {
    return position < entries.size() ? entries.get(position++) : null;
  }

  @Override
  public void update(ExecutionContext context) {
    context.putInt(POSITION, position);
  }
}
