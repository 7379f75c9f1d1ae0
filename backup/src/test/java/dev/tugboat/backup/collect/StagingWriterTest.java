package dev.tugboat.backup.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class StagingWriterTest {

  @TempDir Path root;

  private LocalBackupStore store;
  private StagingArea staging;
  private final List<String> progress = new ArrayList<>();
  private final StagingProgress recorder =
      new StagingProgress() {
        @Override
        public void staged(int items, long bytes) {
          progress.add("staged " + items + " items, " + bytes + " bytes");
        }

        @Override
        public void partitionDone() {
          progress.add("done");
        }
      };

  @BeforeEach
  void openStore() {
    store = new LocalBackupStore(root);
    staging = StagingArea.ofBackup(store, "nightly", "run-1");
  }

  @Test
  void eachChunkIsTheNextNumberedChunkAndTheCountIsSavedWithEachCommit() throws IOException {
    ExecutionContext context = new ExecutionContext();
    StagingWriter writer = new StagingWriter(staging, "pods@shop", recorder);
    writer.open(context);

    writer.write(new Chunk<>(List.of(item("a", "{}"), item("b", "{\"x\":1}"))));
    writer.update(context);
    assertThat(StagedSegmentCount.from(context)).isEqualTo(new StagedSegmentCount(1, 2));
    writer.write(new Chunk<>(List.of(item("c", "{}"))));
    writer.update(context);

    assertThat(StagedSegmentCount.from(context)).isEqualTo(new StagedSegmentCount(2, 3));
    assertThat(names(2)).containsExactly("a", "b", "c");
    assertThat(progress).containsExactly("staged 2 items, 9 bytes", "staged 1 items, 2 bytes");
  }

  @Test
  void aReopenedWriterGoesOnFromTheSavedCountOverwritingAnUncommittedChunk() throws IOException {
    ExecutionContext context = new ExecutionContext();
    StagingWriter first = new StagingWriter(staging, "pods@shop", recorder);
    first.open(context);
    first.write(new Chunk<>(List.of(item("a", "{}"))));
    first.update(context);
    first.write(new Chunk<>(List.of(item("lost", "{}"))));
    // A crash here: the second chunk is written but its count never committed.

    StagingWriter restarted = new StagingWriter(staging, "pods@shop", recorder);
    restarted.open(context);
    restarted.write(new Chunk<>(List.of(item("b", "{}"), item("c", "{}"))));
    restarted.update(context);

    assertThat(StagedSegmentCount.from(context)).isEqualTo(new StagedSegmentCount(2, 3));
    assertThat(names(2)).containsExactly("a", "b", "c");
    assertThat(store.list("backups/nightly/staging/"))
        .containsExactlyInAnyOrder(
            "backups/nightly/staging/run-1/pods@shop/000000",
            "backups/nightly/staging/run-1/pods@shop/000001");
  }

  private List<String> names(int chunks) throws IOException {
    List<String> names = new ArrayList<>();
    staging.readSegment("pods@shop", chunks, item -> names.add(item.name()));
    return names;
  }

  private static StagedItem item(String name, String json) {
    return new StagedItem("pods", "v1", "Pod", "shop", name, json.getBytes(StandardCharsets.UTF_8));
  }
}
