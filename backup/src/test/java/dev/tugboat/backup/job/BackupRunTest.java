package dev.tugboat.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tugboat.core.jobs.TextParameter;
import java.nio.file.Path;
import java.util.Map;
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
            REQUEST,
            "s3://bucket/prefix?region=eu-west-1",
            Path.of("/etc/kube/config"),
            "prod",
            8,
            12.5,
            30,
            250);

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
        .containsOnlyKeys("backup", "store", "request.sha256")
        .containsEntry("backup", "nightly")
        .containsEntry("store", "/var/backups");
    assertThat(TextParameter.get(parameters, "request")).isEqualTo(REQUEST.toJson());
    assertThat(
            new BackupRun(REQUEST, "/var/backups", null, null, 7, 1.0, 1, 10)
                .toJobParameters()
                .getIdentifyingParameters())
        .isEqualTo(parameters.getIdentifyingParameters());
  }

  @Test
  void spellingsOfTheSameStoreIdentifyTheSameRun() {
    JobParameters plain =
        new BackupRun(REQUEST, "/var/backups", null, null, 1, 5.0, 10, 500).toJobParameters();
    JobParameters slash =
        new BackupRun(REQUEST, "/var/backups/", null, null, 1, 5.0, 10, 500).toJobParameters();
    JobParameters uri =
        new BackupRun(REQUEST, "file:///var/backups/", null, null, 1, 5.0, 10, 500)
            .toJobParameters();
    JobParameters other =
        new BackupRun(REQUEST, "/var/backups2", null, null, 1, 5.0, 10, 500).toJobParameters();

    assertThat(identity(slash)).isEqualTo(identity(plain));
    assertThat(identity(uri)).isEqualTo(identity(plain));
    assertThat(identity(other)).isNotEqualTo(identity(plain));
    assertThat(BackupRun.fromJobParameters(uri).store()).isEqualTo("file:///var/backups/");
  }

  @Test
  void anS3StoreIsIdentifiedByBucketPrefixAndEndpointNotByItsCredentials() {
    JobParameters parameters =
        new BackupRun(
                REQUEST,
                "s3://bucket/prefix?endpoint=http://minio:9000&credentialsFile=/etc/aws",
                null,
                null,
                1,
                5.0,
                10,
                500)
            .toJobParameters();

    assertThat(parameters.getString("store")).isEqualTo("s3://bucket/prefix at http://minio:9000");
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

  /** The identifying parameters' values by name (a JobParameter equals another of its name). */
  private static Map<String, String> identity(JobParameters parameters) {
    return parameters.getIdentifyingParameters().stream()
        .collect(Collectors.toMap(JobParameter::name, p -> String.valueOf(p.value())));
  }

  @Test
  void parametersOfAnotherJobAreRefused() {
    JobParameters other = new JobParametersBuilder().addString("restore", "x").toJobParameters();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> BackupRun.fromJobParameters(other))
        .withMessageStartingWith("not the parameters of a backup run: ");
  }
}
