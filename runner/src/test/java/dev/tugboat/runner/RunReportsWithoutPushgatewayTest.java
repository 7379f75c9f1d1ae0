package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Without a Pushgateway URL a run is summed up and nothing is pushed. */
class RunReportsWithoutPushgatewayTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  @Test
  void aRunIsSummedUpAndNothingIsPushed() throws IOException {
    try (FakeCluster cluster = new FakeCluster();
        LogCapture summary = new LogCapture("dev.tugboat.summary");
        LogCapture reports = new LogCapture("dev.tugboat.runner.metrics.RunReports")) {
      RunnerFixture.Result result = runner.createBackup(cluster.kubeconfig(work), "nightly");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
      assertThat(summary.lines()).hasSize(1);
      // A push attempted anywhere would end in a warning here: nothing listens for it.
      assertThat(reports.lines()).isEmpty();
    }
  }
}
