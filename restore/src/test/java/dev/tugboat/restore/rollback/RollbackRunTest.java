package dev.tugboat.restore.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

class RollbackRunTest {

  @Test
  void aRunComesBackFromItsJobParameters() {
    RollbackRun real =
        new RollbackRun(
            "shop-dr",
            "file:///var/backups",
            Path.of("/home/sre/.kube/config"),
            "standby",
            20,
            40,
            100,
            Path.of("/tmp/work"),
            null);
    RollbackRun dryRun =
        new RollbackRun(
            "shop-dr",
            "s3://bucket?region=eu-west-1",
            null,
            null,
            5,
            10,
            50,
            Path.of("/tmp/w"),
            "7f3a");

    assertThat(RollbackRun.fromJobParameters(real.toJobParameters())).isEqualTo(real);
    assertThat(RollbackRun.fromJobParameters(dryRun.toJobParameters())).isEqualTo(dryRun);
  }

  @Test
  void anotherJobsParametersAreRefused() {
    assertThatThrownBy(() -> RollbackRun.fromJobParameters(new JobParameters()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not the parameters of a rollback run");
  }
}
