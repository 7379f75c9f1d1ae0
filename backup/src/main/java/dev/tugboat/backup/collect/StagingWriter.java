package dev.tugboat.backup.collect;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import java.io.IOException;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Stages each chunk of a partition as the next numbered chunk of its segment. The count of chunks
 * is saved with every commit: a chunk written but not committed before a crash is written again
 * under the same number by the restarted step, so it never counts twice.
 */
final class StagingWriter implements ItemStreamWriter<StagedItem> {

  private final StagingArea staging;
  private final String segment;
  private final StagingProgress progress;
  private StagedSegmentCount count = StagedSegmentCount.EMPTY;

  StagingWriter(StagingArea staging, String segment, StagingProgress progress) {
    this.staging = staging;
    this.segment = segment;
    this.progress = progress;
  }

  @Override
  public void open(ExecutionContext context) {
    count = StagedSegmentCount.from(context);
  }

  @Override
  public void write(Chunk<? extends StagedItem> chunk) throws IOException {
    List<StagedItem> items = List.copyOf(chunk.getItems());
    staging.writeChunk(segment, count.chunks(), items);
    count = count.plus(items.size());
    long bytes = 0;
    for (StagedItem item : items) {
      bytes += item.json().length;
    }
    progress.staged(items.size(), bytes);
  }

  @Override
  public void update(ExecutionContext context) throws ItemStreamException {
    count.saveTo(context);
  }
}
