package dev.tugboat.backup.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackupReportTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void warningsAndErrorsAreCountedAndPlacedByScope() throws IOException {
    BackupReport report = new BackupReport("nightly", CLOCK);

    report.info("Backing up");
    report.backupWarning("discovery of metrics.k8s.io/v1beta1 failed");
    report.warning("shop", "widgets went away");
    report.warning(null, "clusterwidgets went away");
    report.error("shop", "secrets forbidden");
    report.error(null, "nodes forbidden");
    report.problem(true, "admin", "configmaps forbidden");
    report.problem(false, null, "gadgets went away");

    assertThat(report.errors()).isEqualTo(3);
    assertThat(report.warnings()).isEqualTo(4);
    assertThat(Gunzip.text(report.results()))
        .isEqualTo(
            "{\"errors\":{\"cluster\":[\"nodes forbidden\"],"
                + "\"namespaces\":{\"admin\":[\"configmaps forbidden\"],"
                + "\"shop\":[\"secrets forbidden\"]}},"
                + "\"warnings\":{\"velero\":[\"discovery of metrics.k8s.io/v1beta1 failed\"],"
                + "\"cluster\":[\"clusterwidgets went away\",\"gadgets went away\"],"
                + "\"namespaces\":{\"shop\":[\"widgets went away\"]}}}\n");
    assertThat(Gunzip.text(report.log()).lines().map(BackupReportTest::levelAndMessage))
        .containsExactly(
            "level=info msg=\"Backing up\"",
            "level=warning msg=\"discovery of metrics.k8s.io/v1beta1 failed\"",
            "level=warning msg=\"widgets went away\"",
            "level=warning msg=\"clusterwidgets went away\"",
            "level=error msg=\"secrets forbidden\"",
            "level=error msg=\"nodes forbidden\"",
            "level=error msg=\"configmaps forbidden\"",
            "level=warning msg=\"gadgets went away\"");
  }

  @Test
  void messagesOfInfoAloneLeaveTheResultsEmpty() throws IOException {
    BackupReport report = new BackupReport("nightly", CLOCK);

    report.info("Listed 3 items of pods@shop");

    assertThat(report.errors()).isZero();
    assertThat(report.warnings()).isZero();
    assertThat(Gunzip.text(report.results())).isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }

  /** {@code level=… msg="…"}, without the time and backup fields. */
  private static String levelAndMessage(String line) {
    return line.substring(line.indexOf("level="), line.indexOf(" backup=velero/nightly"));
  }
}
