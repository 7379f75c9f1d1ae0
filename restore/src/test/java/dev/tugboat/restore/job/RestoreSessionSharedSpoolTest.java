package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.archive.ArchiveWriter;
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
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores that read a spool shared with other restores select from it like any other, leave it for
 * the next restore, and refuse a spool of another backup.
 */
class RestoreSessionSharedSpoolTest {

  /** The target's discovery: the core group only, serving namespaces and config maps. */
  private static final Map<String, String> DISCOVERY =
      Map.of(
          "/api",
          "{\"versions\":[\"v1\"]}",
          "/api/v1",
          """
          {"resources":[
            {"name":"namespaces","kind":"Namespace","namespaced":false,"verbs":["create","get"]},
            {"name":"configmaps","kind":"ConfigMap","namespaced":true,"verbs":["create","get"]}]}
          """,
          "/apis",
          "{\"groups\":[]}");

  @TempDir Path temp;

  private final MockWebServer server = new MockWebServer();
  private ApiClient api;
  private LocalBackupStore store;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = DISCOVERY.get(request.getUrl().encodedPath());
            return body == null
                ? new MockResponse(404, Headers.of(), "")
                : new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
          }
        });
    server.start();
    String url = server.url("/").toString();
    api = new ClientBuilder().setBasePath(url.substring(0, url.length() - 1)).build();
    store = new LocalBackupStore(temp.resolve("store"));
    publish("b1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void restoresReadTheSharedSpoolAndLeaveItForTheNext() throws Exception {
    try (SharedSpool shared = new SharedSpool(store, "b1", temp.resolve("b1.spool"))) {
      SpooledBackup spooled = shared.get();

      for (String namespace : List.of("shop", "blog")) {
        try (RestoreSession session = RestoreSession.open(run("b1", namespace), shared, api)) {
          assertThat(session.spool()).isSameAs(spooled);
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

    assertThatThrownBy(() -> RestoreSession.open(run("b2", "shop"), shared, api))
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
