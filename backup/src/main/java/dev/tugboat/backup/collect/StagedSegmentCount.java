package dev.tugboat.backup.collect;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How much of a segment is committed: the chunks to read back and the items they hold. Kept in the
 * execution context of the step that stages the segment.
 */
public record StagedSegmentCount(int chunks, long items) {

  public static final StagedSegmentCount EMPTY = new StagedSegmentCount(0, 0);

  private static final String CHUNKS_KEY = "staged.chunks";
  private static final String ITEMS_KEY = "staged.items";

  /** The count a step saved, or {@link #EMPTY} before its first commit. */
  public static StagedSegmentCount from(ExecutionContext context) {
    return new StagedSegmentCount(context.getInt(CHUNKS_KEY, 0), context.getLong(ITEMS_KEY, 0));
  }

  /** The count after one more chunk of {@code items} items. */
  public StagedSegmentCount plus(int items) {
    return new StagedSegmentCount(chunks + 1, this.items + items);
  }

  public void saveTo(ExecutionContext context) {
    context.putInt(CHUNKS_KEY, chunks);
    context.putLong(ITEMS_KEY, items);
  }
}
