package dev.tugboat.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.samples.SamplesCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code tugboat demo}, the README's first command, tells its whole story and exits 0: the capacity
 * plan sheds analytics, the room taken in payments steps it down during the failover, and the
 * rollback undoes every application's restore.
 */
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
        .contains("create deployments.apps shop-dr/frontend")
        .containsPattern("Dry run of restore shop-dr .*: 25 created, 14 not-restored, 0 failed")
        .contains("FITS_WITH_DOWNGRADE (exit 3): fits after 4 ladder step(s)")
        .containsPattern("analytics\\s+3\\s+4\\s+0\\s+0\\s+0\\s+deferred")
        .contains("Migration failover Completed (offline, from backup nightly into standby)")
        .containsPattern("payments\\s+1\\s+Degraded\\s+2\\s+2\\s+1\\s+2")
        .contains(
            "payments: replicas 2 -> 1 (ladder 0.5) (Deployment payments/api: pods cannot be"
                + " created: exceeded quota: another-team")
        .contains("Rollback of migration failover (offline): RolledBack")
        .containsPattern("shop\\s+0\\s+25\\s+0\\s+14\\s+0")
        .containsPattern("restore-rollback\\s+failover-shop\\s+COMPLETED")
        .containsPattern("migration\\s+failover\\s+COMPLETED")
        .doesNotContain("The demo stops here");
  }
}
