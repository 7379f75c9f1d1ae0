package dev.tugboat.runner.command;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.rollback.RollbackReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The records of one finished restore in a store ({@code restores/<name>/}), read for the {@code
 * restore} commands. A restore is finished once its {@code tugboat-restore.json} exists, which the
 * restore job writes last. A file that is missing or not in its format is reported as a {@link
 * RestoreFileException} naming the restore, the store and the file.
 */
final class PublishedRestore {

  private final BackupStore store;
  private final String name;
  private final StoredFiles files;

  private PublishedRestore(BackupStore store, String name) {
    this.store = store;
    this.name = name;
    this.files =
        new StoredFiles(
            store, reason -> RestoreFileException.unreadable(name, store.location(), reason));
  }

  /**
   * @throws RestoreFileException if the store has no finished restore of that name
   * @throws IllegalArgumentException if the name is not a valid restore name
   */
  static PublishedRestore find(BackupStore store, String name) {
    if (!exists(store, name)) {
      throw RestoreFileException.notFound(name, store.location());
    }
    return new PublishedRestore(store, name);
  }

  /** Whether the store holds a finished restore of that name. */
  static boolean exists(BackupStore store, String name) {
    return store.exists(StoreLayout.restoreSummary(name));
  }

  /** The names of the store's finished restores, sorted. */
  static List<String> list(BackupStore store) {
    List<String> names = new ArrayList<>();
    for (String key : store.list(StoreLayout.RESTORES)) {
      // restores/<name>/tugboat-restore.json; deeper files (the item ledger) are not summaries.
      String[] segments = key.split("/");
      if (segments.length == 3 && segments[2].equals(StoreLayout.RESTORE_SUMMARY_FILE)) {
        names.add(segments[1]);
      }
    }
    return names;
  }

  /** The parsed {@code tugboat-restore.json}. */
  RestoreSummary summary() {
    String key = StoreLayout.restoreSummary(name);
    String json;
    try (InputStream in = store.read(key)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (StoreObjectNotFoundException e) {
      throw RestoreFileException.notFound(name, store.location());
    } catch (IOException e) {
      throw RestoreFileException.unreadable(
          name, store.location(), StoreLayout.RESTORE_SUMMARY_FILE + " cannot be read: " + e);
    }
    try {
      return RestoreSummary.parse(json);
    } catch (IllegalArgumentException e) {
      // Gson's message (a parser position) does not help whoever lists restores.
      throw RestoreFileException.unreadable(
          name, store.location(), StoreLayout.RESTORE_SUMMARY_FILE + " is not a restore summary");
    }
  }

  /**
   * The phase and counts of the restore's rollback ({@code tugboat-rollback.json}), if it was ever
   * rolled back; without the item list.
   */
  Optional<RollbackState> rollback() {
    try {
      return RollbackReport.read(store, name).map(RollbackState::of);
    } catch (IOException | IllegalArgumentException e) {
      throw RestoreFileException.unreadable(
          name, store.location(), RollbackReport.FILE + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Where a restore's rollback is; also its JSON form.
   *
   * @param phase {@code RollingBack}, {@code RolledBack} or {@code FailedRollback}
   * @param completed null while rolling back
   * @param items how many items ended each way ({@code deleted}, {@code put-back}...)
   */
  record RollbackState(String phase, String started, String completed, Map<String, Long> items) {

    static RollbackState of(RollbackReport report) {
      return new RollbackState(
          report.phase(), report.started(), report.completed(), report.items());
    }
  }

  /** {@code restore-<name>-resource-list.json.gz}: items by {@code <apiVersion>/<Kind>}. */
  SortedMap<String, List<String>> resourceList() {
    return files.resourceList(StoreLayout.restoreResourceList(name));
  }

  /** {@code restore-<name>-results.gz}. */
  BackupResults results() {
    return files.results(StoreLayout.restoreResults(name));
  }

  /** Copies the text of {@code restore-<name>-logs.gz} to {@code out}. */
  void writeLogs(PrintWriter out) {
    files.writeText(StoreLayout.restoreLogs(name), out);
  }
}
