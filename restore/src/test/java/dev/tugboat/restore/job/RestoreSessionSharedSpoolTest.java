package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.archive.ArchiveWriter;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.restore.source.SharedSpool;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores that read a spool shared with other restores select from it like any other, with the
 * target's types discovered once for them all, leave it for the next restore, and refuse a spool of
 * another backup.
 */
class RestoreSessionSharedSpoolTest {

  /** The target's types, as the owner of the shared spool discovered them. */
  private static final ResourceCatalog TARGET =
      new ResourceCatalog(List.of(TestSessions.NAMESPACES, TestSessions.CONFIG_MAPS), List.of());

  /** Nothing in these tests lists ServiceAccounts, so the client is never called. */
  private static final ApiClient UNUSED =
      new ClientBuilder().setBasePath("http://127.0.0.1:9").build();

  @TempDir Path temp;

  private LocalBackupStore store;

  @BeforeEach
  void publishBackup() throws IOException {
    store = new LocalBackupStore(temp.resolve("store"));
    publish("b1");
  }

  @Test
  void restoresReadTheSharedSpoolAndLeaveItForTheNext() throws Exception {
    try (SharedSpool shared = new SharedSpool(store, "b1", temp.resolve("b1.spool"))) {
      SpooledBackup spooled = shared.get();

      for (String namespace : List.of("shop", "blog")) {
        try (RestoreSession session =
            RestoreSession.open(run("b1", namespace), shared, TARGET, UNUSED)) {
          assertThat(session.spool()).isSameAs(spooled);
          assertThat(session.type("configmaps")).contains(TestSessions.CONFIG_MAPS);
          assertThat(session.namespacesWithoutObject()).containsExactly(namespace);
          assertThat(session.selectedItems()).isEqualTo(2);
        }
      }

      assertThat(temp.resolve("b1.spool")).isDirectory();
      assertThat(shared.get()).isSameAs(spooled);
      assertThat(spooled.groupResources()).containsExactly(Map.entry("configmaps", 2L));
    }
  }

  @Test
  void aSharedSpoolOfAnotherBackupIsRefusedBeforeItIsSpooled() {
    SharedSpool shared = new SharedSpool(store, "b1", temp.resolve("b1.spool"));

    assertThatThrownBy(() -> RestoreSession.open(run("b2", "shop"), shared, TARGET, UNUSED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("restore 'r-shop' is of backup 'b2', not of the shared spool's backup 'b1'");
    assertThat(temp.resolve("b1.spool")).doesNotExist();
  }

  private RestoreRun run(String backup, String namespace) {
    RestoreRequest everything = RestoreRequest.everything("r-" + namespace, backup);
    RestoreRequest request =
        new RestoreRequest(
            everything.name(),
            backup,
            List.of(namespace),
            everything.excludeNamespaces(),
            everything.includeResources(),
            everything.excludeResources(),
            everything.includeClusterResources(),
            everything.selector(),
            everything.orSelectors(),
            everything.namespaceMapping(),
            everything.existingResourcePolicy(),
            everything.resourceModifiers(),
            everything.restoreStatus(),
            everything.preserveNodePorts(),
            everything.includeOwned(),
            everything.dryRun(),
            everything.application());
    return new RestoreRun(request, store.location(), null, null, 1, 1, 1, 1, temp.resolve("work"));
  }

  /** Publishes a backup of one config map in each of two namespaces, shop and blog. */
  private void publish(String name) throws IOException {
    new BackupCatalog(store)
        .publish(
            name,
            out -> {
              try (ArchiveWriter writer =
                  ArchiveWriter.open(
                      out, Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC))) {
                for (String namespace : List.of("shop", "blog")) {
                  writer.writeItem(
                      "configmaps",
                      "v1",
                      namespace,
                      "settings",
                      TestSessions.configMap(namespace, "settings"));
                }
                writer.finish();
              }
            },
            Map.of(),
            out ->
                out.write(
                    ("{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\","
                            + "\"metadata\":{\"name\":\""
                            + name
                            + "\"}}")
                        .getBytes(StandardCharsets.UTF_8)));
  }
}
