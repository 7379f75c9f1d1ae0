package dev.tugboat.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.samples.SamplesCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tugboat demo}, the README's first command, tells its whole story and exits 0. */
class DemoCommandTest {

  @Test
  void playsEverySceneAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new SamplesCommand());
    commandLine.setOut(new PrintWriter(out, true));

    int exitCode = commandLine.execute("demo");

    assertThat(exitCode).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("== 1. Back up the primary cluster")
        .containsPattern("Backup nightly Completed: \\d+ items, 0 errors, 0 warnings")
        .contains("Phase:  Completed")
        .containsPattern("nightly\\s+Completed")
        .contains("create deployments.apps shop-dr/frontend")
        .containsPattern("Dry run of restore shop-dr .*: 25 created, 14 not-restored, 0 failed")
        .contains("Restore shop-dr Completed: 25 created, 14 not-restored, 0 failed")
        .contains("Namespace mappings:  shop:shop-dr")
        .doesNotContain("The demo stops here");
  }
}
