package dev.tugboat.backup.staging;

import static dev.tugboat.backup.staging.StagedChunkCodecTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

  @TempDir Path root;

  private LocalBackupStore store;
  private StagingArea staging;

  @BeforeEach
  void openStore() {
    store = new LocalBackupStore(root);
    staging = StagingArea.ofBackup(store, "nightly", "run-1");
  }

  @Test
  void chunksAreStoredUnderTheRunAndReadBackInOrder() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("a"), pod("b")));
    staging.writeChunk("pods@shop", 1, List.of(pod("c")));
    staging.writeChunk("pods@shop", 2, List.of());
    staging.writeChunk("pods@shop", 3, List.of(pod("d")));

    assertThat(store.list("backups/nightly/"))
        .containsExactlyInAnyOrder(
            "backups/nightly/staging/run-1/pods@shop/000000",
            "backups/nightly/staging/run-1/pods@shop/000001",
            "backups/nightly/staging/run-1/pods@shop/000002",
            "backups/nightly/staging/run-1/pods@shop/000003");
    assertThat(names("pods@shop", 4)).containsExactly("a", "b", "c", "d");
    assertThat(staging.readSegment("pods@shop", 4, item -> {})).isEqualTo(4);
  }

  @Test
  void writingAChunkAgainReplacesIt() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("a")));
    staging.writeChunk("pods@shop", 1, List.of(pod("stale-1"), pod("stale-2")));
    staging.writeChunk("pods@shop", 1, List.of(pod("b")));

    assertThat(names("pods@shop", 2)).containsExactly("a", "b");
  }

  @Test
  void readingASegmentStopsAtTheCommittedCountIgnoringAStaleChunkAfterIt() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("a")));
    staging.writeChunk("pods@shop", 1, List.of(pod("b")));
    staging.writeChunk("pods@shop", 2, List.of(pod("uncommitted")));

    assertThat(names("pods@shop", 2)).containsExactly("a", "b");
    assertThat(names("pods@shop", 0)).isEmpty();
  }

  @Test
  void segmentsAndRunsAreKeptApart() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("shop-pod")));
    staging.writeChunk("pods@web", 0, List.of(pod("web-pod")));
    StagingArea.ofBackup(store, "nightly", "run-0").writeChunk("pods@shop", 0, List.of(pod("old")));

    assertThat(names("pods@shop", 1)).containsExactly("shop-pod");
    assertThat(names("pods@web", 1)).containsExactly("web-pod");
  }

  @Test
  void aMissingChunkFailsTheRead() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("a")));

    assertThatThrownBy(() -> names("pods@shop", 2))
        .hasMessageContaining("backups/nightly/staging/run-1/pods@shop/000001");
  }

  @Test
  void deleteAllRemovesEveryRunsStagingAndNothingElse() throws IOException {
    staging.writeChunk("pods@shop", 0, List.of(pod("a")));
    staging.writeChunk("pods@shop", 1, List.of(pod("b")));
    staging.writeChunk("configmaps@*", 0, List.of(pod("c")));
    StagingArea.ofBackup(store, "nightly", "run-0").writeChunk("pods@shop", 0, List.of(pod("old")));
    StagingArea.ofBackup(store, "nightly-2", "run-1").writeChunk("pods@shop", 0, List.of(pod("x")));
    write("backups/nightly/nightly.tar.gz");
    write("backups/nightly/velero-backup.json");
    write("backups/nightly/staging-notes");

    staging.deleteAll();

    assertThat(store.list(""))
        .containsExactlyInAnyOrder(
            "backups/nightly-2/staging/run-1/pods@shop/000000",
            "backups/nightly/nightly.tar.gz",
            "backups/nightly/velero-backup.json",
            "backups/nightly/staging-notes");
  }

  private List<String> names(String segment, int chunks) throws IOException {
    List<String> names = new ArrayList<>();
    staging.readSegment(segment, chunks, item -> names.add(item.name()));
    return names;
  }

  private void write(String key) throws IOException {
    store.write(key, (OutputStream out) -> out.write(key.getBytes(StandardCharsets.UTF_8)));
  }

  private static StagedItem pod(String name) {
    return item("pods", "v1", "Pod", "shop", name, "{\"metadata\":{\"name\":\"" + name + "\"}}");
  }
}
