package dev.tugboat.backup.publish;

import dev.tugboat.backup.velero.ResultsDocument;
import dev.tugboat.backup.velero.VeleroLog;
import java.time.Clock;

/**
 * What a backup reports about itself: every message goes to the backup's log, and warnings and
 * errors also to its results file, whose totals are the counts of its Backup object, as Velero
 * counts them.
 */
public final class BackupReport {

  private final VeleroLog log;
  private final ResultsDocument results = new ResultsDocument();

  public BackupReport(String backup, Clock clock) {
    this.log = new VeleroLog("backup", backup, clock);
  }

  public void info(String message) {
    log.info(message);
  }

  /** A warning about the backup as a whole, e.g. an API group discovery could not read. */
  public void backupWarning(String message) {
    log.warning(message);
    results.warnings().addVelero(message);
  }

  /**
   * @param namespace the namespace concerned, or null for a cluster-scoped matter
   */
  public void warning(String namespace, String message) {
    log.warning(message);
    results.warnings().addItem(namespace, message);
  }

  /**
   * @param namespace the namespace concerned, or null for a cluster-scoped matter
   */
  public void error(String namespace, String message) {
    log.error(message);
    results.errors().addItem(namespace, message);
  }

  /** An {@link #error} or a {@link #warning}. */
  public void problem(boolean isError, String namespace, String message) {
    if (isError) {
      error(namespace, message);
    } else {
      warning(namespace, message);
    }
  }

  public int errors() {
    return results.errors().count();
  }

  public int warnings() {
    return results.warnings().count();
  }

  /** {@code <name>-logs.gz}. */
  public VeleroLog log() {
    return log;
  }

  /** {@code <name>-results.gz}. */
  public ResultsDocument results() {
    return results;
  }
}
