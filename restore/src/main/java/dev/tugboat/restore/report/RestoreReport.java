package dev.tugboat.restore.report;

import dev.tugboat.backup.velero.ResultsDocument;
import dev.tugboat.backup.velero.VeleroLog;
import java.time.Clock;

/**
 * What a restore reports about itself: every message goes to the restore's log (lines carry {@code
 * restore=velero/<name>}, as Velero's do), and warnings and errors also to its results file, whose
 * totals are the restore's warning and error counts and decide its {@link #phase()}. Not
 * thread-safe.
 */
public final class RestoreReport {

  private final VeleroLog log;
  private final ResultsDocument results = new ResultsDocument();

  public RestoreReport(String restore, Clock clock) {
    this.log = new VeleroLog("restore", restore, clock);
  }

  public void info(String message) {
    log.info(message);
  }

  /** A warning about the restore as a whole, not about one item, e.g. a backup with no items. */
  public void restoreWarning(String message) {
    log.warning(message);
    results.warnings().addVelero(message);
  }

  /** An error about the restore as a whole, not about one item, e.g. a failed restore hook. */
  public void restoreError(String message) {
    log.error(message);
    results.errors().addVelero(message);
  }

  /**
   * A warning about an item, e.g. one that already exists with different content.
   *
   * @param namespace the namespace the item is restored into (after any mapping), as Velero files
   *     it; null for a cluster-scoped item
   */
  public void warning(String namespace, String message) {
    log.warning(message);
    results.warnings().addItem(namespace, message);
  }

  /**
   * An error about an item, e.g. one the API server refused to create.
   *
   * @param namespace the namespace the item is restored into (after any mapping), as Velero files
   *     it; null for a cluster-scoped item
   */
  public void error(String namespace, String message) {
    log.error(message);
    results.errors().addItem(namespace, message);
  }

  public int errors() {
    return results.errors().count();
  }

  public int warnings() {
    return results.warnings().count();
  }

  /** The phase of a restore that ran to its end with what was reported so far. */
  public RestorePhase phase() {
    return RestorePhase.forErrorCount(errors());
  }

  /** {@code restore-<name>-logs.gz}. */
  public VeleroLog log() {
    return log;
  }

  /** {@code restore-<name>-results.gz}. */
  public ResultsDocument results() {
    return results;
  }
}
