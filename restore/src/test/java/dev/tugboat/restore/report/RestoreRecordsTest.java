package dev.tugboat.restore.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreRecordsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path temp;

  @Test
  void writesResultsResourceListAndLogAtVelerosKeys() throws IOException {
    BackupStore store = new LocalBackupStore(temp);
    RestoreReport report = new RestoreReport("nightly-1", CLOCK);
    report.info("Restored 1 item");
    report.warning("shop", "could not restore, Service:web already exists");
    RestoreResourceList resources = new RestoreResourceList();
    resources.record("v1", "Service", "shop", "web", ItemOutcome.SKIPPED);

    RestoreRecords.publish(store, "nightly-1", report, resources);

    assertThat(store.list(""))
        .containsExactly(
            "restores/nightly-1/restore-nightly-1-logs.gz",
            "restores/nightly-1/restore-nightly-1-resource-list.json.gz",
            "restores/nightly-1/restore-nightly-1-results.gz");
    assertThat(Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-results.gz")))
        .isEqualTo(
            "{\"errors\":{},\"warnings\":{\"namespaces\":{\"shop\":"
                + "[\"could not restore, Service:web already exists\"]}}}\n");
    assertThat(
            Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-resource-list.json.gz")))
        .isEqualTo("{\"v1/Service\":[\"shop/web(skipped)\"]}\n");
    assertThat(Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-logs.gz")))
        .isEqualTo(
            """
            time="2026-03-01T12:00:00Z" level=info msg="Restored 1 item" restore=velero/nightly-1
            time="2026-03-01T12:00:00Z" level=warning msg="could not restore, Service:web already exists" restore=velero/nightly-1
            """);
  }

  @Test
  void aRerunReplacesEachRecordWhole() throws IOException {
    BackupStore store = new LocalBackupStore(temp);
    RestoreReport first = new RestoreReport("nightly-1", CLOCK);
    first.error("shop", "error restoring services/shop/web: timeout");
    RestoreResourceList firstResources = new RestoreResourceList();
    firstResources.record("v1", "Service", "shop", "web", ItemOutcome.FAILED);
    firstResources.record("v1", "ConfigMap", "shop", "settings", ItemOutcome.CREATED);
    RestoreRecords.publish(store, "nightly-1", first, firstResources);

    RestoreReport rerun = new RestoreReport("nightly-1", CLOCK);
    rerun.info("Restored 1 item");
    RestoreResourceList rerunResources = new RestoreResourceList();
    rerunResources.record("v1", "Service", "shop", "web", ItemOutcome.CREATED);
    RestoreRecords.publish(store, "nightly-1", rerun, rerunResources);

    assertThat(store.list("")).hasSize(3);
    assertThat(Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-results.gz")))
        .isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
    assertThat(
            Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-resource-list.json.gz")))
        .isEqualTo("{\"v1/Service\":[\"shop/web(created)\"]}\n");
    assertThat(Gunzip.text(store.read("restores/nightly-1/restore-nightly-1-logs.gz")))
        .isEqualTo(
            "time=\"2026-03-01T12:00:00Z\" level=info msg=\"Restored 1 item\""
                + " restore=velero/nightly-1\n");
  }

  @Test
  void anInvalidRestoreNameIsRefusedBeforeAnythingIsWritten() {
    BackupStore store = new LocalBackupStore(temp);
    RestoreReport report = new RestoreReport("Nightly", CLOCK);

    assertThatThrownBy(
            () -> RestoreRecords.publish(store, "Nightly", report, new RestoreResourceList()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid restore name 'Nightly'");
    assertThat(store.list("")).isEmpty();
  }
}
