package dev.tugboat.samples.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreBenchmarkReportTest {

  private static final long SECOND = 1_000_000_000L;

  private static final RestoreMeasurement SEQUENTIAL =
      new RestoreMeasurement(
          1, 10_000, 60 * SECOND, 10_020, Map.of("list", 15L, "create", 10_000L, "get", 5L));

  @Test
  void speedUpAndRequestsPerObjectDecideTheVerdicts() {
    RestoreMeasurement parallel =
        new RestoreMeasurement(16, 10_000, 6 * SECOND, 10_600, Map.of("create", 10_600L));

    RestoreBenchmarkReport report = report(parallel);

    assertThat(report.speedUp(parallel)).isEqualTo(10.0);
    assertThat(report.speedUpWithoutStartUp(parallel)).isEqualTo(14.5);
    assertThat(report.fastEnough()).isTrue();
    assertThat(report.fewEnoughRequests()).isFalse();
    assertThat(report.format())
        .isEqualTo(
            """
            Restore of generated:200x50 (backed up once, without latency) by `tugboat restore \
            create` in its own JVM with -Xmx256m, local store, H2, --qps 10000 --burst 200 (so \
            that the client's rate limiter is not what is measured), each run into an empty \
            sandbox (simulation off) that adds 5 ms to every request.
            | parallelism |   objects |   time s | objects/s | requests | requests/object | speed-up |
            |-------------|-----------|----------|-----------|----------|-----------------|----------|
            |           1 |    10,000 |    60.00 |       167 |   10,020 |           1.002 |    1.00x |
            |          16 |    10,000 |     6.00 |     1,667 |   10,600 |           1.060 |   10.00x |
            Requests by verb: parallelism 1: create 10,000, get 5, list 15; parallelism 16: \
            create 10,600.
            Tugboat start-up (JVM, Spring context, job repository: `tugboat version`): 2.00 s, \
            part of every time above. Objects: the backed-up objects found in the target \
            afterwards with the restore's velero.io/restore-name label. Requests: counted by the \
            target sandbox.
            PASS: parallelism 16 at least 8.0x as fast as parallelism 1 (10.00x; 14.50x without \
            the start-up)
            FAIL: at most 1.05 API requests per object (1.002 at parallelism 1, 1.060 at \
            parallelism 16)
            """);
  }

  @Test
  void aParallelRunUnderTheSpeedUpFails() {
    RestoreMeasurement parallel =
        new RestoreMeasurement(16, 10_000, 8 * SECOND, 10_020, Map.of("create", 10_020L));

    RestoreBenchmarkReport report = report(parallel);

    assertThat(report.speedUp(parallel)).isEqualTo(7.5);
    assertThat(report.fastEnough()).isFalse();
    assertThat(report.fewEnoughRequests()).isTrue();
    assertThat(report.format())
        .contains(
            "\nFAIL: parallelism 16 at least 8.0x as fast as parallelism 1 (7.50x; 9.67x without"
                + " the start-up)\nPASS: at most 1.05 API requests per object (1.002 at"
                + " parallelism 1, 1.002 at parallelism 16)\n");
  }

  private static RestoreBenchmarkReport report(RestoreMeasurement parallel) {
    return new RestoreBenchmarkReport(
        "generated:200x50",
        "256m",
        Duration.ofMillis(5),
        10_000,
        200,
        2 * SECOND,
        List.of(SEQUENTIAL, parallel));
  }
}
