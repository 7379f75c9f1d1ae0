package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.tugboat.backup.job.BackupRequest;
import dev.tugboat.backup.job.BackupRun;
import dev.tugboat.backup.velero.BackupOutcome;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.backup.velero.VeleroBackupDocument;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.LocalBackupStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * {@code tugboat backup create} refusing what it can tell is wrong before it reaches a cluster: its
 * kubeconfig points at a port nothing listens on, so a command that tried to connect would fail
 * with a connection error instead of the expected message.
 */
class BackupCreateCommandTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  private Path storeRoot;
  private Path kubeconfig;

  @BeforeEach
  void prepare() throws IOException {
    storeRoot = work.resolve("store");
    kubeconfig = work.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: nowhere
          cluster:
            server: https://127.0.0.1:%d
        users:
        - name: nobody
          user:
            token: not-a-real-token
        contexts:
        - name: nowhere
          context:
            cluster: nowhere
            user: nobody
        current-context: nowhere
        """
            .formatted(unusedPort()));
  }

  @Test
  void anInvalidNameIsRefusedWithItsReason() {
    RunnerFixture.Result result = create("Nightly_1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("tugboat: invalid backup name 'Nightly_1': it must be a lowercase RFC 1123")
        .endsWith("digit\n")
        .hasLineCount(1);
  }

  @Test
  void aZeroBurstIsRefused() {
    RunnerFixture.Result result = create("nightly", "--burst", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: --burst must be at least 1, not 0\n");
  }

  @Test
  void aZeroTtlIsRefused() {
    RunnerFixture.Result result = create("nightly", "--ttl", "0s");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: --ttl must be positive, not 0s\n");
  }

  @Test
  void aTtlThatIsNotADurationIsRefused() {
    RunnerFixture.Result result = create("nightly", "--ttl", "a week");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).startsWith("tugboat: ").contains("a week").hasLineCount(1);
  }

  @Test
  void aSelectorWithOrSelectorsIsRefused() {
    RunnerFixture.Result result =
        create("nightly", "--selector", "app=web", "--or-selector", "tier=db");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .startsWith("tugboat: A label selector (app=web) and OR label selectors (tier=db)")
        .hasLineCount(1);
  }

  @Test
  void aNameThatIsTakenInTheStoreIsRefusedBeforeReachingTheCluster() throws IOException {
    new BackupCatalog(new LocalBackupStore(storeRoot))
        .publish("nightly", out -> out.write(new byte[] {1}), Map.of(), published("nightly"));

    RunnerFixture.Result result = create("nightly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "tugboat: backup 'nightly' already exists in " + storeRoot + "; choose another name\n");
  }

  @Test
  void inABackgroundRunTheOptionsAreCheckedFirst() {
    RunnerFixture.Result result = create("nightly", "--ttl", "0s", "--no-wait");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: --ttl must be positive, not 0s\n");
  }

  /** The test JVM runs the command in-process: its own command line cannot be repeated. */
  @Test
  void aProcessThatIsNotTugboatsOwnCannotStartABackgroundRun() {
    RunnerFixture.Result result = create("nightly", "--no-wait");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "tugboat: cannot run in the background: the process's arguments do not end with the"
                + " command's own (--kubeconfig "
                + kubeconfig
                + " --store "
                + storeRoot.toUri()
                + " backup create nightly --no-wait), as they do when tugboat runs as its own java"
                + " process\n");
  }

  // --- scheduled backups

  @Test
  void aScheduledBackupIsNamedAfterTheMinuteItsCronJobsJobNames() throws IOException {
    new BackupCatalog(new LocalBackupStore(storeRoot))
        .publish(
            "nightly-20251118020000",
            out -> out.write(new byte[] {1}),
            Map.of(),
            published("nightly-20251118020000"));

    RunnerFixture.Result result =
        create("--schedule", "nightly", "--scheduled-time", "job:tugboat-nightly-29390520");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo(
            "tugboat: backup 'nightly-20251118020000' already exists in "
                + storeRoot
                + "; choose another name\n");
  }

  /**
   * The run is made (and fails: nothing listens at the cluster's address) under the scheduled name,
   * with the schedule's label; a retry with the same scheduled time, in either form, resumes it.
   */
  @Test
  void aRetryOfAScheduledRunResumesTheSameBackupWithTheSchedulesLabel() {
    RunnerFixture.Result first =
        create(
            "--schedule",
            "nightly",
            "--scheduled-time",
            "job:tugboat-nightly-29390520",
            "--labels",
            "team=ops",
            "--output",
            "json");
    RunnerFixture.Result retry =
        create(
            "--schedule",
            "nightly",
            "--scheduled-time",
            "2025-11-18T02:00:00Z",
            "--labels",
            "team=ops",
            "--output",
            "json");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.FAILED);
    assertThat(retry.exitCode()).as(retry.err()).isEqualTo(ExitCodes.FAILED);
    JobExecution firstRun = execution(first);
    JobExecution retried = execution(retry);
    assertThat(retried.getId()).isNotEqualTo(firstRun.getId());
    assertThat(retried.getJobInstance().getInstanceId())
        .isEqualTo(firstRun.getJobInstance().getInstanceId());
    BackupRequest request = BackupRun.fromJobParameters(firstRun.getJobParameters()).request();
    assertThat(request.name()).isEqualTo("nightly-20251118020000");
    assertThat(request.labels())
        .isEqualTo(Map.of("velero.io/schedule-name", "nightly", "team", "ops"));
  }

  @Test
  void aNameWithAScheduleIsRefusedAsAUsageError() {
    RunnerFixture.Result result = create("nightly", "--schedule", "nightly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "give either NAME (nightly) or --schedule (nightly), which names the backup after the"
                + " schedule, not both\n");
  }

  @Test
  void neitherANameNorAScheduleIsAUsageError() {
    RunnerFixture.Result result = create();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("give the backup's NAME, or --schedule to name it after a schedule\n");
  }

  @Test
  void aJobNameWithoutTheScheduledMinuteIsAUsageError() {
    RunnerFixture.Result result =
        create("--schedule", "nightly", "--scheduled-time", "job:tugboat-nightly-manual");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "--scheduled-time: job name 'tugboat-nightly-manual' does not end in -<minutes since"
                + " the epoch>, as the Jobs of a CronJob do\n");
  }

  @Test
  void aScheduledTimeWithoutAScheduleIsAUsageError() {
    RunnerFixture.Result result = create("nightly", "--scheduled-time", "2025-11-18T02:00:00Z");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("--scheduled-time names the time of a --schedule run: add one\n");
  }

  @Test
  void aScheduleThatMakesAnInvalidBackupNameIsRefused() {
    RunnerFixture.Result result = create("--schedule", "Nightly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .startsWith("tugboat: invalid schedule name 'Nightly': it must be a lowercase RFC 1123")
        .hasLineCount(1);
  }

  @Test
  void theScheduleLabelCannotBeSetByHand() {
    RunnerFixture.Result result =
        create("--schedule", "nightly", "--labels", "velero.io/schedule-name=other");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "--labels must not set velero.io/schedule-name: --schedule sets it to the schedule's"
                + " name\n");
  }

  private JobExecution execution(RunnerFixture.Result result) {
    long id =
        JsonParser.parseString(result.out()).getAsJsonObject().get("jobExecutionId").getAsLong();
    return runner.bean(JobRepository.class).getJobExecution(id);
  }

  private RunnerFixture.Result create(String... args) {
    String[] command = new String[args.length + 6];
    command[0] = "--kubeconfig";
    command[1] = kubeconfig.toString();
    command[2] = "--store";
    command[3] = storeRoot.toUri().toString();
    command[4] = "backup";
    command[5] = "create";
    System.arraycopy(args, 0, command, 6, args.length);
    return runner.run(command);
  }

  private static VeleroBackupDocument published(String name) {
    return new VeleroBackupDocument(
        name,
        new BackupSpec(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            LabelSelector.everything(),
            List.of(),
            Duration.ofHours(720),
            "default",
            Map.of()),
        new ServerVersion("v1.30.4", "1", "30"),
        new BackupOutcome(
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:01:00Z"),
            1,
            1,
            0,
            0));
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
