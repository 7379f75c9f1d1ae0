package dev.tugboat.backup.related;

import com.google.gson.JsonObject;
import dev.tugboat.backup.collect.ItemAdmission;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.selection.Selection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stages related objects into one segment, in chunks of a fixed size, each object at most once and
 * never one the listed segments hold already. Objects are admitted like listed ones (not when being
 * deleted or labelled to stay out of backups) but without the selection's name and label filters,
 * which do not apply to related objects.
 */
final class RelatedSegmentWriter {

  private final StagingArea staging;
  private final String segment;
  private final int chunkSize;
  private final Set<ObjectRef> staged;
  private final Map<ApiResource, ItemAdmission> admissions = new HashMap<>();
  private final List<StagedItem> chunk = new ArrayList<>();
  private int chunks;
  private long items;

  /**
   * @param alreadyStaged the related objects that listed segments hold
   */
  RelatedSegmentWriter(
      StagingArea staging, String segment, int chunkSize, Set<ObjectRef> alreadyStaged) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
    }
    this.staging = staging;
    this.segment = segment;
    this.chunkSize = chunkSize;
    this.staged = new HashSet<>(alreadyStaged);
  }

  /** Whether the backup holds the object already: listed, or staged here. */
  boolean holds(ObjectRef ref) {
    return staged.contains(ref);
  }

  /**
   * Stages the object unless the backup holds it already or admission leaves it out.
   *
   * @return whether it was staged
   */
  boolean stage(ApiResource type, JsonObject object) throws IOException {
    StagedItem item =
        admissions.computeIfAbsent(type, RelatedSegmentWriter::admission).process(object);
    if (item == null || !staged.add(ObjectRef.of(item))) {
      return false;
    }
    chunk.add(item);
    if (chunk.size() == chunkSize) {
      writeChunk();
    }
    return true;
  }

  /** Writes the last, partial chunk; an empty segment has no chunk. */
  RelatedItems finish(List<Problem> problems) throws IOException {
    if (!chunk.isEmpty()) {
      writeChunk();
    }
    return new RelatedItems(chunks, items, problems);
  }

  private void writeChunk() throws IOException {
    staging.writeChunk(segment, chunks, List.copyOf(chunk));
    chunks++;
    items += chunk.size();
    chunk.clear();
  }

  private static ItemAdmission admission(ApiResource type) {
    ListPartition.Scope scope =
        type.namespaced() ? ListPartition.Scope.ALL_NAMESPACES : ListPartition.Scope.CLUSTER;
    ListPartition partition =
        new ListPartition(type.group(), type.version(), type.plural(), type.kind(), scope, "");
    return new ItemAdmission(partition, Selection.all());
  }
}
