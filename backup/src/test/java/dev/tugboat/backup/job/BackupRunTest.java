package dev.tugboat.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class BackupRunTest {

  private static final BackupRequest REQUEST = BackupRequest.everything("nightly");

  @Test
  void aRunIsRebuiltFromItsJobParameters() {
    BackupRun run =
        new BackupRun(
            REQUEST, "s3://bucket/prefix", Path.of("/etc/kube/config"), "prod", 8, 12.5, 30, 250);

    assertThat(BackupRun.fromJobParameters(run.toJobParameters())).isEqualTo(run);
  }

  @Test
  void aRunWithoutKubeconfigOrContextIsRebuiltWithout() {
    BackupRun run = new BackupRun(REQUEST, "/var/backups", null, null, 1, 5.0, 10, 500);

    JobParameters parameters = run.toJobParameters();

    assertThat(BackupRun.fromJobParameters(parameters)).isEqualTo(run);
    assertThat(parameters.getParameter("kubeconfig")).isNull();
    assertThat(parameters.getParameter("context")).isNull();
  }

  @Test
  void onlyTheBackupTheStoreAndTheRequestIdentifyTheRun() {
    BackupRun run = new BackupRun(REQUEST, "/var/backups", Path.of("k"), "c", 2, 5.0, 10, 500);

    JobParameters parameters = run.toJobParameters();

    assertThat(
            parameters.getIdentifyingParameters().stream()
                .collect(Collectors.toMap(JobParameter::name, p -> String.valueOf(p.value()))))
        .containsOnlyKeys("backup", "store", "request")
        .containsEntry("backup", "nightly")
        .containsEntry("store", "/var/backups")
        .containsEntry("request", REQUEST.toJson());
    assertThat(
            new BackupRun(REQUEST, "/var/backups", null, null, 7, 1.0, 1, 10)
                .toJobParameters()
                .getIdentifyingParameters())
        .isEqualTo(parameters.getIdentifyingParameters());
  }

  @Test
  void numbersOutOfRangeAreRefusedNamingTheOption() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupRun(REQUEST, "/s", null, null, 0, 5.0, 10, 500))
        .withMessage("--parallelism must be at least 1, not 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupRun(REQUEST, "/s", null, null, 1, 0.0, 10, 500))
        .withMessage("--qps must be positive, not 0.0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupRun(REQUEST, "/s", null, null, 1, Double.NaN, 10, 500))
        .withMessage("--qps must be positive, not NaN");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupRun(REQUEST, "/s", null, null, 1, 5.0, 0, 500))
        .withMessage("--burst must be at least 1, not 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BackupRun(REQUEST, "/s", null, null, 1, 5.0, 10, 0))
        .withMessage("the page size must be at least 1, not 0");
  }

  @Test
  void parametersOfAnotherJobAreRefused() {
    JobParameters other = new JobParametersBuilder().addString("restore", "x").toJobParameters();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BackupRun.fromJobParameters(other))
        .withMessageStartingWith("not the parameters of a backup run: ");
  }
}
