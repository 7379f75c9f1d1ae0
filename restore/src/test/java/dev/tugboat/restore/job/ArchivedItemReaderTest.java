package dev.tugboat.restore.job;

import static dev.tugboat.restore.job.TestSessions.configMap;
import static dev.tugboat.restore.job.TestSessions.describe;
import static dev.tugboat.restore.job.TestSessions.namespace;
import static dev.tugboat.restore.job.TestSessions.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.restore.source.SpooledBackup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class ArchivedItemReaderTest {

  private static final List<String> TYPES = List.of("namespaces", "configmaps", "secrets", "pods");

  /** Everything, in restore order: the bare namespace first among the Namespace objects. */
  private static final List<String> ALL =
      List.of(
          "namespaces blog",
          "namespaces shop",
          "configmaps shop/c1",
          "configmaps shop/c2",
          "configmaps shop/c3",
          "pods shop/p1",
          "pods blog/p2");

  @TempDir Path folder;
  private SpooledBackup spool;
  private RestoreSessionHolder sessions;

  @BeforeEach
  void spoolABackup() throws IOException {
    // Two items per chunk: namespaces [shop], configmaps [c1] [c2 c3], pods [p1 p2].
    spool =
        TestSessions.spool(
            folder,
            2,
            writer -> {
              writer.writeItem("namespaces", "v1", null, "shop", namespace("shop"));
              writer.writeItem("configmaps", "v1", "shop", "c1", configMap("shop", "c1"));
              writer.writeItem("configmaps", "v1", "shop", "c2", configMap("shop", "c2"));
              writer.writeItem("configmaps", "v1", "shop", "c3", configMap("shop", "c3"));
              writer.writeItem("pods", "v1", "shop", "p1", pod("shop", "p1"));
              writer.writeItem("pods", "v1", "blog", "p2", pod("blog", "p2"));
            });
    RestoreSession session =
        TestSessions.session(RestoreRequest.everything("r1", "b1"), spool, folder);
    sessions = new RestoreSessionHolder(() -> session);
  }

  @AfterEach
  void closeSpool() throws IOException {
    spool.close();
  }

  private ArchivedItemReader reader() {
    return new ArchivedItemReader(sessions, TYPES, List.of("blog"));
  }

  private static List<String> readAll(ArchivedItemReader reader) throws IOException {
    List<String> read = new ArrayList<>();
    for (StagedItem item = reader.read(); item != null; item = reader.read()) {
      read.add(describe(item));
    }
    return read;
  }

  @Test
  void theSpoolHasChunkBoundariesInsideATypeAndBetweenTypes() {
    assertThat(spool.chunks("namespaces")).isEqualTo(1);
    assertThat(spool.chunks("configmaps")).isEqualTo(2);
    assertThat(spool.chunks("pods")).isEqualTo(1);
  }

  @Test
  void theSessionCreatesBareTheNamespacesWithoutObject() throws IOException {
    RestoreSession session = sessions.get();

    assertThat(session.namespacesWithoutObject()).containsExactly("blog");
    assertThat(session.selectedItems()).isEqualTo(7);
  }

  @Test
  void readsTypesInOrderWithBareNamespacesFirst() throws IOException {
    ArchivedItemReader reader = reader();
    reader.open(new ExecutionContext());

    assertThat(readAll(reader)).containsExactlyElementsOf(ALL);
    assertThat(reader.read()).isNull();
  }

  @Test
  void aBareNamespaceIsAMinimalNamespaceObject() throws IOException {
    ArchivedItemReader reader = reader();
    reader.open(new ExecutionContext());

    StagedItem bare = reader.read();

    assertThat(TestSessions.text(bare))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"blog\"}}");
    assertThat(bare.version()).isEqualTo("v1");
    assertThat(bare.kind()).isEqualTo("Namespace");
    assertThat(bare.namespace()).isEmpty();
  }

  @Test
  void withoutNamespacesToCreateOnlyTheBackedUpNamespaceIsRead() throws IOException {
    ArchivedItemReader reader =
        new ArchivedItemReader(sessions, List.of("namespaces", "pods"), List.of());
    reader.open(new ExecutionContext());

    assertThat(readAll(reader)).containsExactly("namespaces shop", "pods shop/p1", "pods blog/p2");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void aNewReaderContinuesAfterTheLastItemCommitted(int committed) throws IOException {
    ExecutionContext context = new ExecutionContext();
    ArchivedItemReader first = reader();
    first.open(context);
    List<String> read = new ArrayList<>();
    for (int i = 0; i < committed; i++) {
      read.add(describe(first.read()));
    }
    first.update(context);
    first.close();

    ArchivedItemReader restarted = reader();
    restarted.open(context);
    read.addAll(readAll(restarted));

    assertThat(read).containsExactlyElementsOf(ALL);
  }

  @Test
  void aRestartedReaderCanBeRestartedAgain() throws IOException {
    ExecutionContext context = new ExecutionContext();
    ArchivedItemReader first = reader();
    first.open(context);
    first.read();
    first.read();
    first.read();
    first.update(context);

    ArchivedItemReader second = reader();
    second.open(context);
    assertThat(describe(second.read())).isEqualTo("configmaps shop/c2");
    assertThat(describe(second.read())).isEqualTo("configmaps shop/c3");
    assertThat(describe(second.read())).isEqualTo("pods shop/p1");
    second.update(context);

    ArchivedItemReader third = reader();
    third.open(context);
    assertThat(readAll(third)).containsExactly("pods blog/p2");
  }
}
