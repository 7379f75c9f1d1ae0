package dev.tugboat.runner.command;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The finished restores of a store ({@code restores/<name>/} with a {@code tugboat-restore.json}),
 * by the backup each restored, read once for {@code backup gc}. A restore still running has no
 * summary yet: it is not listed, so it is never deleted.
 */
final class RestoreRecords {

  /**
   * A restore whose summary cannot be read, so whose backup is unknown; also its JSON form.
   *
   * @param reason e.g. {@code tugboat-restore.json is not a restore summary}
   */
  record Unreadable(String name, String reason) {}

  private final BackupStore store;
  private final Map<String, List<String>> restoresByBackup;
  private final List<Unreadable> unreadable;

  private RestoreRecords(
      BackupStore store, Map<String, List<String>> restoresByBackup, List<Unreadable> unreadable) {
    this.store = store;
    this.restoresByBackup = restoresByBackup;
    this.unreadable = unreadable;
  }

  static RestoreRecords read(BackupStore store) {
    Map<String, List<String>> restoresByBackup = new TreeMap<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (String restore : PublishedRestore.list(store)) {
      try {
        String backup = PublishedRestore.find(store, restore).summary().backup();
        restoresByBackup.computeIfAbsent(backup, b -> new ArrayList<>()).add(restore);
      } catch (RestoreFileException e) {
        unreadable.add(new Unreadable(restore, e.reason()));
      }
    }
    return new RestoreRecords(store, restoresByBackup, unreadable);
  }

  /** The finished restores made from a backup, sorted. */
  List<String> madeFrom(String backup) {
    return List.copyOf(restoresByBackup.getOrDefault(backup, List.of()));
  }

  /** The restores whose backup cannot be told. */
  List<Unreadable> unreadable() {
    return List.copyOf(unreadable);
  }

  /**
   * Deletes every file of a restore, {@code tugboat-restore.json} first, so that the restore stops
   * being a finished one at once and a deletion cut short leaves no half-restore that looks whole.
   */
  void delete(String restore) {
    String summary = StoreLayout.restoreSummary(restore);
    store.delete(summary);
    for (String key : store.list(StoreLayout.restoreFolder(restore))) {
      store.delete(key);
    }
  }
}
