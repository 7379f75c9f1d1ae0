package dev.tugboat.restore.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestoreReportTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00.500Z"), ZoneOffset.UTC);

  @Test
  void warningsAndErrorsAreCountedAndPlacedByScope() throws IOException {
    RestoreReport report = new RestoreReport("nightly-1", CLOCK);

    report.info("Restoring backup nightly");
    report.restoreWarning("backup nightly has no PersistentVolumes");
    report.warning("shop", "could not restore, ConfigMap:settings already exists");
    report.warning(null, "could not restore, ClusterRole:viewer already exists");
    report.error("shop", "error restoring services/shop/web: port 30080 is already allocated");
    report.error(null, "error restoring nodes/n1: forbidden");
    report.restoreError("post-restore hook of shop/web-1 failed");

    assertThat(report.errors()).isEqualTo(3);
    assertThat(report.warnings()).isEqualTo(3);
    assertThat(Gunzip.text(report.results()))
        .isEqualTo(
            "{\"errors\":{\"velero\":[\"post-restore hook of shop/web-1 failed\"],"
                + "\"cluster\":[\"error restoring nodes/n1: forbidden\"],"
                + "\"namespaces\":{\"shop\":"
                + "[\"error restoring services/shop/web: port 30080 is already allocated\"]}},"
                + "\"warnings\":{\"velero\":[\"backup nightly has no PersistentVolumes\"],"
                + "\"cluster\":[\"could not restore, ClusterRole:viewer already exists\"],"
                + "\"namespaces\":{\"shop\":"
                + "[\"could not restore, ConfigMap:settings already exists\"]}}}\n");
  }

  @Test
  void everyMessageIsLoggedInOrderWithTheRestoreField() throws IOException {
    RestoreReport report = new RestoreReport("nightly-1", CLOCK);

    report.info("Restoring backup nightly");
    report.warning("shop", "ConfigMap settings already exists");
    report.error(null, "nodes forbidden");

    assertThat(Gunzip.text(report.log()))
        .isEqualTo(
            """
            time="2026-03-01T12:00:00Z" level=info msg="Restoring backup nightly" restore=velero/nightly-1
            time="2026-03-01T12:00:00Z" level=warning msg="ConfigMap settings already exists" restore=velero/nightly-1
            time="2026-03-01T12:00:00Z" level=error msg="nodes forbidden" restore=velero/nightly-1
            """);
  }

  @Test
  void warningsAloneLeaveTheRestoreCompleted() {
    RestoreReport report = new RestoreReport("nightly-1", CLOCK);

    report.warning("shop", "ConfigMap settings already exists");
    report.restoreWarning("backup nightly has no PersistentVolumes");

    assertThat(report.phase()).isEqualTo(RestorePhase.COMPLETED);
  }

  @Test
  void oneErrorOfAnyScopeMakesTheRestorePartiallyFailed() {
    RestoreReport itemError = new RestoreReport("nightly-1", CLOCK);
    itemError.error("shop", "error restoring pods/shop/web-1: forbidden");
    RestoreReport restoreError = new RestoreReport("nightly-2", CLOCK);
    restoreError.restoreError("post-restore hook of shop/web-1 failed");

    assertThat(itemError.phase()).isEqualTo(RestorePhase.PARTIALLY_FAILED);
    assertThat(restoreError.phase()).isEqualTo(RestorePhase.PARTIALLY_FAILED);
  }

  @Test
  void messagesOfInfoAloneLeaveTheResultsEmpty() throws IOException {
    RestoreReport report = new RestoreReport("nightly-1", CLOCK);

    report.info("Restored 12 items");

    assertThat(report.errors()).isZero();
    assertThat(report.warnings()).isZero();
    assertThat(report.phase()).isEqualTo(RestorePhase.COMPLETED);
    assertThat(Gunzip.text(report.results())).isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }
}
