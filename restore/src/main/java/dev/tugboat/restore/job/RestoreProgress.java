package dev.tugboat.restore.job;

import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters of a running restore, updated by its steps and read by whoever shows progress: the
 * phase, items recorded of planned, and failures.
 */
public final class RestoreProgress {

  /** What the restore is doing. */
  public enum Phase {
    VALIDATING,
    RESTORING_CRDS,
    WAITING_FOR_CRDS,
    RESTORING,
    PUBLISHING
  }

  /** The counters at one moment. */
  public record Snapshot(Phase phase, long itemsDone, long itemsPlanned, long failed) {}

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.VALIDATING);
  private final AtomicLong itemsDone = new AtomicLong();
  private final AtomicLong itemsPlanned = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  void enter(Phase next) {
    phase.set(next);
  }

  void planned(long items) {
    itemsPlanned.set(items);
  }

  void recorded(List<LedgerEntry> entries) {
    itemsDone.addAndGet(entries.size());
    failed.addAndGet(
        entries.stream().filter(entry -> entry.disposition() == Disposition.FAILED).count());
  }

  public Snapshot snapshot() {
    return new Snapshot(phase.get(), itemsDone.get(), itemsPlanned.get(), failed.get());
  }
}
