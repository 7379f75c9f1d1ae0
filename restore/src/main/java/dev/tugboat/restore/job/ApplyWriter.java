package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.backup.collect.StagedSegmentCount;
import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.apply.ItemApplier;
import dev.tugboat.restore.apply.ItemOutcome;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.ledger.RestoreLedger;
import dev.tugboat.restore.transform.RestoreLabels;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Applies a chunk of prepared items with a bounded pool of workers, then records what happened to
 * each in the ledger as the chunk's next numbered ledger chunk; the count of ledger chunks is saved
 * with the commit. The reader hands out tiers in order, so a chunk may hold the end of one tier and
 * the start of the next ones: the items of each tier are applied in parallel, and a tier starts
 * when the one before it is done. The next chunk starts only when this one is done, so tiers never
 * overlap.
 *
 * <p>A chunk redone after a crash applies its items again: those an earlier attempt created are
 * found equal, carrying this restore's name and newer than the restore, and are recorded as
 * created, as they were.
 */
final class ApplyWriter implements ItemStreamWriter<PreparedItem> {

  /** The crash point after a chunk's items are applied, before its ledger chunk is written. */
  static final String CRASH_POINT = "restore.applied-chunk";

  private final ItemApplier applier;
  private final RestoreLedger ledger;
  private final String step;
  private final String restoreName;
  private final Instant started;
  private final int parallelism;
  private final RestoreProgress progress;
  private ExecutorService workers;
  private StagedSegmentCount count = StagedSegmentCount.EMPTY;

  ApplyWriter(
      ItemApplier applier,
      RestoreLedger ledger,
      String step,
      String restoreName,
      Instant started,
      int parallelism,
      RestoreProgress progress) {
    this.applier = applier;
    this.ledger = ledger;
    this.step = step;
    this.restoreName = restoreName;
    this.started = started;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  @Override
  public void open(ExecutionContext context) {
    count = StagedSegmentCount.from(context);
    workers = Executors.newFixedThreadPool(parallelism, daemonThreads());
  }

  @Override
  public void write(Chunk<? extends PreparedItem> chunk) throws IOException {
    List<LedgerEntry> entries = new ArrayList<>(chunk.size());
    List<PreparedItem> tier = new ArrayList<>();
    for (PreparedItem item : chunk) {
      if (!tier.isEmpty() && !sameTier(tier.get(0), item)) {
        entries.addAll(applyTier(tier));
        tier.clear();
      }
      tier.add(item);
    }
    entries.addAll(applyTier(tier));
    CrashPoint.reach(CRASH_POINT);
    ledger.writeChunk(step, count.chunks(), entries);
    count = count.plus(entries.size());
    progress.recorded(entries);
  }

  /** A tier is one group resource (see {@link dev.tugboat.restore.plan.RestoreOrder}). */
  private static boolean sameTier(PreparedItem first, PreparedItem item) {
    return first.type().groupResource().equals(item.type().groupResource());
  }

  /**
   * Applies the items of one tier in parallel and waits for all of them: the next tier may need
   * them (a namespace before its objects).
   */
  private List<LedgerEntry> applyTier(List<PreparedItem> tier) {
    List<CompletableFuture<LedgerEntry>> results = new ArrayList<>(tier.size());
    for (PreparedItem item : tier) {
      results.add(
          item.decided() != null
              ? CompletableFuture.completedFuture(item.decided())
              : CompletableFuture.supplyAsync(() -> apply(item), workers));
    }
    List<LedgerEntry> entries = new ArrayList<>(results.size());
    try {
      for (CompletableFuture<LedgerEntry> result : results) {
        entries.add(result.join());
      }
    } catch (CompletionException e) {
      // Wait for the other workers before failing the chunk: none may write after the rollback.
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .exceptionally(ignored -> null)
          .join();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return entries;
  }

  private LedgerEntry apply(PreparedItem item) {
    JsonObject desired = item.toApply().object();
    ItemOutcome outcome = applier.apply(item.type(), desired, item.toApply().status());
    Disposition disposition = Disposition.of(outcome.action());
    JsonObject before = outcome.before();
    if (disposition == Disposition.UNCHANGED && !outcome.dryRun() && createdByThisRestore(before)) {
      disposition = Disposition.CREATED;
    }
    // Rollback puts back what the restore changed (a failed recreate may have deleted the object);
    // what it created, it deletes.
    boolean changed =
        disposition == Disposition.UPDATED
            || disposition == Disposition.RECREATED
            || disposition == Disposition.FAILED;
    return ItemPreparer.entry(
        item.type(), desired, disposition, outcome.message(), changed ? before : null);
  }

  /**
   * Whether an earlier attempt of this restore created the object found in the cluster and crashed
   * before recording it: it carries this restore's name and was created after the restore started.
   * An object that existed before and that an earlier attempt updated carries the name too, but is
   * older, and stays unchanged: rollback must never delete it.
   */
  private boolean createdByThisRestore(JsonObject live) {
    if (live == null
        || JsonPaths.string(live, "metadata", "labels", RestoreLabels.RESTORE_NAME)
            .filter(RestoreLabels.validValue(restoreName)::equals)
            .isEmpty()) {
      return false;
    }
    // The server keeps creation times in whole seconds.
    Instant startedSecond = started.truncatedTo(ChronoUnit.SECONDS);
    return JsonPaths.string(live, "metadata", "creationTimestamp")
        .map(Instant::parse)
        .filter(created -> !created.isBefore(startedSecond))
        .isPresent();
  }

  @Override
  public void update(ExecutionContext context) {
    count.saveTo(context);
  }

  @Override
  public void close() throws ItemStreamException {
    if (workers != null) {
      workers.shutdownNow();
      workers = null;
    }
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "restore-apply");
      thread.setDaemon(true);
      return thread;
    };
  }
}
