package dev.tugboat.restore.source;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects items into segments of a {@link StagingArea}, holding at most one chunk in memory in
 * all: once the items waiting in all segments together reach the chunk size (in items or bytes),
 * every segment's waiting items are written as one chunk of that segment. Segments are named by
 * number in creation order, since a group resource is not necessarily a valid store key.
 *
 * @param <K> what the caller tells segments apart by
 */
final class SpoolBuffer<K> {

  private final StagingArea staging;
  private final SpoolLimits limits;
  private final Map<K, Segment> segments = new LinkedHashMap<>();
  private int segmentsCreated;
  private int waitingItems;
  private long waitingBytes;

  SpoolBuffer(StagingArea staging, SpoolLimits limits) {
    this.staging = staging;
    this.limits = limits;
  }

  void add(K key, StagedItem item) throws IOException {
    Segment segment =
        segments.computeIfAbsent(key, k -> new Segment(String.valueOf(segmentsCreated++)));
    segment.waiting.add(item);
    segment.items++;
    if (!item.isClusterScoped()) {
      segment.namespaces.add(item.namespace());
    }
    waitingItems++;
    waitingBytes += item.json().length;
    if (waitingItems >= limits.chunkItems() || waitingBytes >= limits.chunkBytes()) {
      writeWaiting();
    }
  }

  /**
   * Forgets a segment: its waiting items are dropped and it is left out of {@link #finish()}. The
   * chunks it already wrote stay in the staging area, unread, until the area is deleted.
   */
  void discard(K key) {
    Segment segment = segments.remove(key);
    if (segment != null) {
      waitingItems -= segment.waiting.size();
      segment.waiting.forEach(item -> waitingBytes -= item.json().length);
    }
  }

  /** Writes what is still waiting and describes every segment that was not discarded. */
  Map<K, SpooledSegment> finish() throws IOException {
    writeWaiting();
    Map<K, SpooledSegment> finished = new LinkedHashMap<>();
    segments.forEach(
        (key, segment) ->
            finished.put(
                key,
                new SpooledSegment(
                    segment.name,
                    segment.chunks,
                    segment.items,
                    Collections.unmodifiableSet(segment.namespaces))));
    return finished;
  }

  private void writeWaiting() throws IOException {
    for (Segment segment : segments.values()) {
      if (!segment.waiting.isEmpty()) {
        staging.writeChunk(segment.name, segment.chunks, segment.waiting);
        segment.chunks++;
        segment.waiting.clear();
      }
    }
    waitingItems = 0;
    waitingBytes = 0;
  }

  /**
   * A segment as written.
   *
   * @param name its name in the staging area
   * @param chunks how many chunks it holds
   * @param items how many items it holds
   * @param namespaces the namespaces of its namespaced items
   */
  record SpooledSegment(String name, int chunks, long items, Set<String> namespaces) {}

  private static final class Segment {
    final String name;
    final List<StagedItem> waiting = new ArrayList<>();
    final Set<String> namespaces = new TreeSet<>();
    int chunks;
    long items;

    Segment(String name) {
      this.name = name;
    }
  }
}
