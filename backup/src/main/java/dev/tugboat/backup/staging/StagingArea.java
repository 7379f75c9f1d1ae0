package dev.tugboat.backup.staging;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a running backup keeps what it has read until the archive is assembled: numbered chunks in
 * segments, under {@code backups/<name>/staging/<run>/<segment>/} in the store itself, so that a
 * restarted run, even in another pod, finds them. Velero ignores the folder (it reads only {@code
 * velero-backup.json} and the archive), and deleting the backup deletes it too.
 *
 * <p>A chunk is written whole or not at all (the store commits an object when its body returns),
 * and writing chunk {@code n} again replaces it, so a chunk step that is rolled back and redone
 * leaves no duplicates. Which chunks count is the job's business: it reads back chunks {@code 0} to
 * {@code n-1} of a segment, {@code n} being the count its last commit recorded.
 */
public final class StagingArea {

  private final BackupStore store;
  private final String root;
  private final String runRoot;

  /**
   * @param backup the backup's name
   * @param run identifies this run of the backup, so that an abandoned run with other options does
   *     not mix its chunks with this one's
   */
  public static StagingArea ofBackup(BackupStore store, String backup, String run) {
    return new StagingArea(store, StoreLayout.backupFolder(backup) + "staging/", run);
  }

  /**
   * A staging area under any folder of a store, for work that is not a backup's (a restore's item
   * ledger, a spool).
   *
   * @param folder a key prefix ending with {@code /}
   */
  public static StagingArea under(BackupStore store, String folder, String run) {
    if (!folder.endsWith("/")) {
      throw new IllegalArgumentException("a staging folder ends with '/': " + folder);
    }
    return new StagingArea(store, folder, run);
  }

  private StagingArea(BackupStore store, String root, String run) {
    this.store = store;
    this.root = root;
    this.runRoot = root + run + "/";
  }

  /** Stores chunk {@code index} of a segment, replacing what an earlier attempt stored there. */
  public void writeChunk(String segment, int index, List<StagedItem> items) throws IOException {
    store.write(chunkKey(segment, index), out -> StagedChunkCodec.write(items, out));
  }

  /**
   * Reads chunks {@code 0} to {@code chunks-1} of a segment, in order.
   *
   * @return how many items were read
   * @throws IOException when a chunk is missing, cut short or damaged
   */
  public long readSegment(String segment, int chunks, StagedItemConsumer consumer)
      throws IOException {
    long items = 0;
    for (int index = 0; index < chunks; index++) {
      items += readChunk(segment, index, consumer);
    }
    return items;
  }

  /**
   * Reads chunk {@code index} of a segment.
   *
   * @return how many items were read
   * @throws IOException when the chunk is missing, cut short or damaged
   */
  public int readChunk(String segment, int index, StagedItemConsumer consumer) throws IOException {
    String key = chunkKey(segment, index);
    try (InputStream in = store.read(key)) {
      return StagedChunkCodec.read(in, consumer, key);
    }
  }

  /** Deletes every staged chunk of the backup, this run's and any abandoned run's. */
  public void deleteAll() {
    for (String key : store.list(root)) {
      store.delete(key);
    }
  }

  private String chunkKey(String segment, int index) {
    return runRoot + segment + "/" + String.format("%06d", index);
  }
}
