package dev.tugboat.backup.job;

import dev.tugboat.backup.collect.StagingProgress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters of a running backup, updated by its steps from several threads and read by whoever shows
 * progress: the current phase, partitions done of planned, items and bytes staged.
 */
public final class BackupProgress implements StagingProgress {

  /** What the backup is doing. */
  public enum Phase {
    PLANNING,
    LISTING,
    COLLECTING_RELATED,
    PUBLISHING
  }

  /** The counters at one moment. */
  public record Snapshot(
      Phase phase, int partitionsDone, int partitionsPlanned, long items, long bytes) {}

  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.PLANNING);
  private final AtomicInteger partitionsDone = new AtomicInteger();
  private final AtomicInteger partitionsPlanned = new AtomicInteger();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public void staged(int itemCount, long byteCount) {
    items.addAndGet(itemCount);
    bytes.addAndGet(byteCount);
  }

  @Override
  public void partitionDone() {
    partitionsDone.incrementAndGet();
  }

  void enter(Phase next) {
    phase.set(next);
  }

  /**
   * @param planned the partitions the plan holds; on a resumed run, those an earlier attempt
   *     completed are not run again, so the count of done ones stops short of it
   */
  void listing(int planned) {
    partitionsPlanned.set(planned);
    phase.set(Phase.LISTING);
  }

  public Snapshot snapshot() {
    return new Snapshot(
        phase.get(), partitionsDone.get(), partitionsPlanned.get(), items.get(), bytes.get());
  }
}
