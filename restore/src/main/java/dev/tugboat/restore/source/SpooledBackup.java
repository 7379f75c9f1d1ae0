package dev.tugboat.restore.source;

import dev.tugboat.backup.staging.StagedItemConsumer;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * A verified backup, its items spooled in a local folder by group resource, one copy per item, so a
 * restore can read the types back in its own order without holding them in memory. Closing it
 * deletes the folder.
 */
public final class SpooledBackup implements AutoCloseable {

  private final Path folder;
  private final StagingArea staging;
  private final Map<String, StagedSegment> segments;
  private final SortedMap<String, Long> itemCounts;
  private final SortedSet<String> namespaces;
  private final Optional<String> formatVersion;

  SpooledBackup(
      Path folder,
      StagingArea staging,
      Map<String, StagedSegment> segments,
      SortedMap<String, Long> itemCounts,
      SortedSet<String> namespaces,
      Optional<String> formatVersion) {
    this.folder = folder;
    this.staging = staging;
    this.segments = Map.copyOf(segments);
    this.itemCounts = Collections.unmodifiableSortedMap(new TreeMap<>(itemCounts));
    this.namespaces = Collections.unmodifiableSortedSet(namespaces);
    this.formatVersion = formatVersion;
  }

  /**
   * The group resources of the backup (e.g. {@code deployments.apps}), sorted, with item counts.
   */
  public SortedMap<String, Long> groupResources() {
    return itemCounts;
  }

  /** The source namespaces of the backup's namespaced items, sorted. */
  public SortedSet<String> namespaces() {
    return namespaces;
  }

  /**
   * The archive's {@code metadata/version}: {@code 1.1.0}, or {@code 1} for Velero before 1.4;
   * empty for an Ark archive, which has none.
   */
  public Optional<String> formatVersion() {
    return formatVersion;
  }

  /**
   * Hands the items of one group resource to {@code consumer}, in archive order.
   *
   * @return how many items were read
   * @throws IllegalArgumentException if the backup holds no item of that group resource
   * @throws IOException when the spool folder was damaged since
   */
  public long read(String groupResource, StagedItemConsumer consumer) throws IOException {
    StagedSegment segment = segment(groupResource);
    return staging.readSegment(segment.name(), segment.chunks(), consumer);
  }

  /**
   * How many chunks hold the items of one group resource, for a reader that takes them one chunk at
   * a time with {@link #readChunk}.
   *
   * @throws IllegalArgumentException if the backup holds no item of that group resource
   */
  public int chunks(String groupResource) {
    return segment(groupResource).chunks();
  }

  /**
   * Hands the items of one chunk of a group resource to {@code consumer}, in archive order.
   *
   * @return how many items were read
   * @throws IllegalArgumentException if the backup holds no item of that group resource
   * @throws IOException when the spool folder was damaged since
   */
  public int readChunk(String groupResource, int index, StagedItemConsumer consumer)
      throws IOException {
    return staging.readChunk(segment(groupResource).name(), index, consumer);
  }

  private StagedSegment segment(String groupResource) {
    StagedSegment segment = segments.get(groupResource);
    if (segment == null) {
      throw new IllegalArgumentException(
          "The backup holds no items of '" + groupResource + "'; it holds " + itemCounts.keySet());
    }
    return segment;
  }

  /** Deletes the spool folder. */
  @Override
  public void close() throws IOException {
    Folders.deleteRecursively(folder);
  }
}
