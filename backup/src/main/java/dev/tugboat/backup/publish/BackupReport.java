package dev.tugboat.backup.publish;

import dev.tugboat.backup.velero.Result;
import dev.tugboat.backup.velero.ResultsDocument;
import java.time.Clock;

/**
 * What a backup reports about itself: every message goes to the backup's log, and warnings and
 * errors also to its results file and to the counts of its Backup object, as Velero counts them.
 */
public final class BackupReport {

  private final BackupLog log;
  private final ResultsDocument results = new ResultsDocument();
  private int errors;
  private int warnings;

  public BackupReport(String backup, Clock clock) {
    this.log = new BackupLog(backup, clock);
  }

  public void info(String message) {
    log.info(message);
  }

  /** A warning about the backup as a whole, e.g. an API group discovery could not read. */
  public void backupWarning(String message) {
    log.warning(message);
    results.warnings().addVelero(message);
    warnings++;
  }

  /**
   * @param namespace the namespace concerned, or null for a cluster-scoped matter
   */
  public void warning(String namespace, String message) {
    log.warning(message);
    addTo(results.warnings(), namespace, message);
    warnings++;
  }

  /**
   * @param namespace the namespace concerned, or null for a cluster-scoped matter
   */
  public void error(String namespace, String message) {
    log.error(message);
    addTo(results.errors(), namespace, message);
    errors++;
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
    return errors;
  }

  public int warnings() {
    return warnings;
  }

  /** {@code <name>-logs.gz}. */
  public BackupLog log() {
    return log;
  }

  /** {@code <name>-results.gz}. */
  public ResultsDocument results() {
    return results;
  }

  private static void addTo(Result result, String namespace, String message) {
    if (namespace == null) {
      result.addCluster(message);
    } else {
      result.addNamespace(namespace, message);
    }
  }
}
