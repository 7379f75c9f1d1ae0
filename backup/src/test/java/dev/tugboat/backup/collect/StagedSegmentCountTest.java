package dev.tugboat.backup.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class StagedSegmentCountTest {

  @Test
  void aContextWithoutACountIsEmpty() {
    assertThat(StagedSegmentCount.from(new ExecutionContext()))
        .isEqualTo(StagedSegmentCount.EMPTY)
        .isEqualTo(new StagedSegmentCount(0, 0));
  }

  @Test
  void eachChunkAddsOneChunkAndItsItems() {
    assertThat(StagedSegmentCount.EMPTY.plus(3).plus(0).plus(2))
        .isEqualTo(new StagedSegmentCount(3, 5));
  }

  @Test
  void aSavedCountIsReadBackUnderItsKeys() {
    ExecutionContext context = new ExecutionContext();

    new StagedSegmentCount(7, 5_000_000_000L).saveTo(context);

    assertThat(StagedSegmentCount.from(context))
        .isEqualTo(new StagedSegmentCount(7, 5_000_000_000L));
    assertThat(context.getInt("staged.chunks")).isEqualTo(7);
    assertThat(context.getLong("staged.items")).isEqualTo(5_000_000_000L);
  }
}
