package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Real small backups through the command line, against a cluster whose first list answers 503: the
 * summary line, the metrics pushed to a receiver standing in for a Pushgateway, and JSON logs.
 */
class RunReportsTest {

  static final PushReceiver receiver = startReceiver();

  @RegisterExtension
  static final RunnerFixture runner =
      new RunnerFixture("--tugboat.metrics.pushgateway-url=" + receiver.url());

  @TempDir Path work;

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @Test
  void aBackupLogsItsSummaryAndPushesItsMetrics() throws IOException {
    int before = receiver.pushes().size();
    try (FakeCluster cluster = new FakeCluster();
        LogCapture summary = new LogCapture("dev.tugboat.summary")) {
      RunnerFixture.Result result = runner.createBackup(cluster.kubeconfig(work), "nightly");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(summary.lines())
          .singleElement(InstanceOfAssertFactories.STRING)
          .matches(
              "INFO backup nightly COMPLETED in \\d+\\.\\ds: 2 items, 11 API requests \\(1"
                  + " retried\\), exit 0");
    }
    List<PushReceiver.Push> pushes = receiver.pushes().subList(before, receiver.pushes().size());
    assertThat(pushes).hasSize(1);
    PushReceiver.Push push = pushes.get(0);
    assertThat(push.method()).isEqualTo("PUT");
    assertThat(push.path()).isEqualTo("/metrics/job/tugboat/instance/nightly");
    assertThat(push.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    List<String> lines = push.body().lines().toList();
    assertThat(lines.subList(0, lines.size() - 1))
        .containsExactly(
            "# TYPE tugboat_api_requests_total counter",
            "tugboat_api_requests_total{run=\"nightly\",tugboat_job=\"backup\"} 11",
            "# TYPE tugboat_api_retries_total counter",
            "tugboat_api_retries_total{run=\"nightly\",tugboat_job=\"backup\"} 1",
            "# TYPE tugboat_items_read_total counter",
            "tugboat_items_read_total{run=\"nightly\",step=\"list\",tugboat_job=\"backup\"} 2",
            "tugboat_items_read_total{run=\"nightly\",step=\"plan\",tugboat_job=\"backup\"} 0",
            "tugboat_items_read_total{run=\"nightly\",step=\"publish\",tugboat_job=\"backup\"} 0",
            "tugboat_items_read_total{run=\"nightly\",step=\"related\",tugboat_job=\"backup\"} 0",
            "# TYPE tugboat_items_skipped_total counter",
            "tugboat_items_skipped_total{run=\"nightly\",step=\"list\",tugboat_job=\"backup\"} 0",
            "tugboat_items_skipped_total{run=\"nightly\",step=\"plan\",tugboat_job=\"backup\"} 0",
            "tugboat_items_skipped_total{run=\"nightly\",step=\"publish\",tugboat_job=\"backup\"} 0",
            "tugboat_items_skipped_total{run=\"nightly\",step=\"related\",tugboat_job=\"backup\"} 0",
            "# TYPE tugboat_items_written_total counter",
            "tugboat_items_written_total{run=\"nightly\",step=\"list\",tugboat_job=\"backup\"} 2",
            "tugboat_items_written_total{run=\"nightly\",step=\"plan\",tugboat_job=\"backup\"} 0",
            "tugboat_items_written_total{run=\"nightly\",step=\"publish\",tugboat_job=\"backup\"} 0",
            "tugboat_items_written_total{run=\"nightly\",step=\"related\",tugboat_job=\"backup\"} 0",
            "# TYPE tugboat_run_duration_seconds summary",
            "tugboat_run_duration_seconds_count{run=\"nightly\",status=\"COMPLETED\","
                + "tugboat_job=\"backup\"} 1");
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "tugboat_run_duration_seconds_sum\\{run=\"nightly\",status=\"COMPLETED\","
                + "tugboat_job=\"backup\"} \\d+(\\.\\d+)?");
  }

  @Test
  void aPushTheReceiverRefusesIsOneWarningAndKeepsTheExitCode() throws IOException {
    receiver.answer(500);
    try (FakeCluster cluster = new FakeCluster();
        LogCapture warnings = new LogCapture("dev.tugboat.runner.metrics.RunReports")) {
      RunnerFixture.Result result = runner.createBackup(cluster.kubeconfig(work), "weekly");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(warnings.lines())
          .containsExactly(
              "WARN Could not push the metrics of backup weekly to the Pushgateway"
                  + " (tugboat.metrics.pushgateway-url): it answered HTTP 500: ");
    } finally {
      receiver.answer(200);
    }
  }

  @Test
  void withJsonLogFormatEachLogLineIsOneJsonObject() throws IOException {
    List<String> lines;
    try (FakeCluster cluster = new FakeCluster()) {
      Path kubeconfig = cluster.kubeconfig(work);
      lines = stderrOf(() -> runner.createBackup(kubeconfig, "hourly", "--log-format", "json"));
    }

    assertThat(lines).isNotEmpty();
    List<JsonObject> objects =
        lines.stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    JsonObject summary =
        objects.stream()
            .filter(o -> o.get("loggerName").getAsString().equals("dev.tugboat.summary"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.keySet())
        .containsExactlyInAnyOrder(
            "timestamp", "level", "threadName", "loggerName", "formattedMessage", "throwable");
    assertThat(summary.get("level").getAsString()).isEqualTo("INFO");
    assertThat(summary.get("threadName").getAsString()).isEqualTo(Thread.currentThread().getName());
    assertThat(summary.get("timestamp").getAsLong()).isPositive();
    assertThat(summary.get("formattedMessage").getAsString())
        .startsWith("backup hourly COMPLETED in ")
        .endsWith(": 2 items, 11 API requests (1 retried), exit 0");
    assertThat(summary.get("throwable").isJsonNull()).isTrue();
  }

  @Test
  void aJsonLogLineCarriesTheException() {
    List<String> lines;
    try {
      LogLines.use(LogFormat.json);
      lines =
          stderrOf(
              () -> {
                LoggerFactory.getLogger("dev.tugboat.test")
                    .warn("could not do it", new IllegalStateException("the reason"));
                return null;
              });
    } finally {
      LogLines.use(LogFormat.text);
    }

    assertThat(lines).hasSize(1);
    JsonObject line = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertThat(line.get("level").getAsString()).isEqualTo("WARN");
    assertThat(line.get("loggerName").getAsString()).isEqualTo("dev.tugboat.test");
    assertThat(line.get("formattedMessage").getAsString()).isEqualTo("could not do it");
    JsonObject throwable = line.getAsJsonObject("throwable");
    assertThat(throwable.get("className").getAsString())
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(throwable.get("message").getAsString()).isEqualTo("the reason");
  }

  /** The lines the action writes to the process's standard error. */
  private static List<String> stderrOf(Supplier<?> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.get();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static PushReceiver startReceiver() {
    try {
      return new PushReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
