package dev.tugboat.restore.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tugboat.backup.plan.IncludeClusterResources;
import dev.tugboat.core.jobs.TextParameter;
import dev.tugboat.restore.apply.ExistingResourcePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class RestoreRunTest {

  private static final RestoreRequest REAL = RestoreRequest.everything("r1", "b1");
  private static final RestoreRequest DRY =
      new RestoreRequest(
          "r1",
          "b1",
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          IncludeClusterResources.AUTO,
          "",
          List.of(),
          Map.of(),
          ExistingResourcePolicy.NONE,
          "",
          List.of(),
          false,
          false,
          true);

  private static RestoreRun run(RestoreRequest request, int parallelism) {
    return new RestoreRun(
        request,
        "/var/backups",
        Path.of("/home/me/.kube/config"),
        "kind-target",
        parallelism,
        12.5,
        30,
        100,
        Path.of("/tmp/work"));
  }

  private static RestoreRun withNumbers(int parallelism, double qps, int burst, int chunkSize) {
    return new RestoreRun(
        REAL, "/var/backups", null, null, parallelism, qps, burst, chunkSize, Path.of("/tmp"));
  }

  @Test
  void jobParametersRoundTrip() {
    RestoreRun original = run(REAL, 8);

    assertThat(RestoreRun.fromJobParameters(original.toJobParameters())).isEqualTo(original);
  }

  @Test
  void jobParametersRoundTripWithoutKubeconfigNorContext() {
    RestoreRun original = withNumbers(3, 1.5, 2, 7);

    RestoreRun read = RestoreRun.fromJobParameters(original.toJobParameters());

    assertThat(read).isEqualTo(original);
    assertThat(read.kubeconfig()).isNull();
    assertThat(read.context()).isNull();
  }

  @Test
  void theRequestAndTheStoreIdentifyARun() {
    JobParameters parameters = run(REAL, 8).toJobParameters();

    assertThat(
            parameters.getIdentifyingParameters().stream()
                .map(JobParameter::name)
                .sorted()
                .toList())
        .containsExactly("request.sha256", "restore", "store");
    assertThat(parameters.getString("restore")).isEqualTo("r1");
    assertThat(TextParameter.get(parameters, "request")).isEqualTo(REAL.toJson());
    assertThat(parameters.getString("storeUri")).isEqualTo("/var/backups");
  }

  @Test
  void runsDifferingOnlyInHowHardTheyPressAreTheSameJobInstance() {
    RestoreRun slow = run(REAL, 1);
    RestoreRun fast =
        new RestoreRun(
            REAL, "file:///var/backups/", null, "other", 32, 99, 200, 5, Path.of("/elsewhere"));

    assertThat(instanceKey(fast)).isEqualTo(instanceKey(slow));
  }

  @Test
  void twoDryRunsAreNeverTheSameJobInstance() {
    RestoreRun dryRun = run(DRY, 8);

    assertThat(instanceKey(dryRun)).isNotEqualTo(instanceKey(dryRun));
  }

  @Test
  void aRunIsIdentifiedByItsRequestAndStore() {
    RestoreRun otherBackup = run(RestoreRequest.everything("r1", "b2"), 8);
    RestoreRun otherStore =
        new RestoreRun(
            REAL,
            "/var/other-backups",
            Path.of("/home/me/.kube/config"),
            "kind-target",
            8,
            12.5,
            30,
            100,
            Path.of("/tmp/work"));

    assertThat(instanceKey(otherBackup)).isNotEqualTo(instanceKey(run(REAL, 8)));
    assertThat(instanceKey(otherStore)).isNotEqualTo(instanceKey(run(REAL, 8)));
  }

  /**
   * What Spring Batch identifies a job instance by: a key over the identifying parameters' names
   * and values ({@link JobParameter#equals} compares names only).
   */
  private static String instanceKey(RestoreRun run) {
    return new DefaultJobKeyGenerator().generateKey(run.toJobParameters());
  }

  @Test
  void rejectsNumbersOutOfRange() {
    assertThatThrownBy(() -> withNumbers(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--parallelism must be at least 1, not 0");
    assertThatThrownBy(() -> withNumbers(1, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--qps must be positive, not 0.0");
    assertThatThrownBy(() -> withNumbers(1, Double.NaN, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--qps must be positive, not NaN");
    assertThatThrownBy(() -> withNumbers(1, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--burst must be at least 1, not 0");
    assertThatThrownBy(() -> withNumbers(1, 1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the chunk size must be at least 1, not 0");
  }

  @Test
  void acceptsTheSmallestNumbers() {
    RestoreRun smallest = withNumbers(1, 0.001, 1, 1);

    assertThat(smallest.parallelism()).isEqualTo(1);
    assertThat(smallest.chunkSize()).isEqualTo(1);
  }

  @Test
  void rejectsParametersOfAnotherJob() {
    JobParameters other = new JobParametersBuilder().addString("backup", "b1").toJobParameters();

    assertThatThrownBy(() -> RestoreRun.fromJobParameters(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not the parameters of a restore run: ");
  }
}
