package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.backup.velero.BackupOutcome;
import dev.tugboat.backup.velero.BackupSpec;
import dev.tugboat.backup.velero.VeleroBackupDocument;
import dev.tugboat.core.cluster.ServerVersion;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.core.store.BackupCatalog;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.report.RestoreSummary;
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

/**
 * {@code tugboat restore create} refusing what it can tell is wrong before it reaches a cluster:
 * its kubeconfig points at a port nothing listens on, so a command that tried to connect would fail
 * with a connection error instead of the expected message. The store holds the backup {@code
 * nightly}.
 */
class RestoreCreateCommandTest {

  @RegisterExtension static final RunnerFixture runner = new RunnerFixture();

  @TempDir Path work;

  private Path storeRoot;
  private Path kubeconfig;

  @BeforeEach
  void prepare() throws IOException {
    storeRoot = work.resolve("store");
    new BackupCatalog(new LocalBackupStore(storeRoot))
        .publish("nightly", out -> out.write(new byte[] {1}), Map.of(), published("nightly"));
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
  void withoutFromBackupItIsAUsageError() {
    RunnerFixture.Result result = create("web-1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Missing required option: '--from-backup=BACKUP'");
  }

  @Test
  void aNamespaceMappingWithoutColonIsRefused() {
    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "--namespace-mappings", "shop:copy,db");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo("tugboat: --namespace-mappings: 'db' is not SOURCE:TARGET\n");
  }

  @Test
  void aNamespaceMappedTwiceIsRefused() {
    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "--namespace-mappings", "shop:a,shop:b");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo("tugboat: --namespace-mappings: namespace 'shop' is mapped twice\n");
  }

  @Test
  void aMappingToAnInvalidNamespaceIsRefused() {
    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "--namespace-mappings", "shop:Shop_Copy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .startsWith(
            "tugboat: --namespace-mappings: 'Shop_Copy' is not a valid target namespace (a DNS label")
        .hasLineCount(1);
  }

  @Test
  void anUnknownExistingResourcePolicyIsRefused() {
    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "--existing-resource-policy", "merge");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo(
            "tugboat: unknown existing-resource policy \"merge\": expected one of none, update,"
                + " recreate\n");
  }

  @Test
  void aZeroBurstIsRefused() {
    RunnerFixture.Result result = create("web-1", "--from-backup", "nightly", "--burst", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: --burst must be at least 1, not 0\n");
  }

  @Test
  void aSelectorWithOrSelectorsIsRefused() {
    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "-l", "app=web", "--or-selector", "tier=db");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .startsWith("tugboat: A label selector (app=web) and OR label selectors (tier=db)")
        .hasLineCount(1);
  }

  @Test
  void aMissingResourceModifiersFileIsRefusedByName() {
    Path missing = work.resolve("modifiers.yaml");

    RunnerFixture.Result result =
        create("web-1", "--from-backup", "nightly", "--resource-modifiers", missing.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err())
        .isEqualTo("tugboat: --resource-modifiers: " + missing + " does not exist\n");
  }

  @Test
  void aZeroParallelismIsRefused() {
    RunnerFixture.Result result = create("web-1", "--from-backup", "nightly", "--parallelism", "0");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.err()).isEqualTo("tugboat: --parallelism must be at least 1, not 0\n");
  }

  @Test
  void aMissingBackupIsRefusedBeforeReachingTheCluster() {
    RunnerFixture.Result result = create("web-1", "--from-backup", "weekly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("tugboat: backup 'weekly' not found in " + storeRoot + "\n");
  }

  @Test
  void aNameThatIsTakenInTheStoreIsRefusedBeforeReachingTheCluster() throws IOException {
    new LocalBackupStore(storeRoot)
        .write(
            StoreLayout.restoreSummary("web-1"),
            new RestoreSummary(
                "web-1",
                "nightly",
                "Completed",
                false,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:01:00Z",
                Map.of("created", 1L),
                0,
                0,
                Map.of(),
                "none",
                "run-1"));

    RunnerFixture.Result result = create("web-1", "--from-backup", "nightly");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "tugboat: restore 'web-1' already exists in " + storeRoot + "; choose another name\n");
  }

  @Test
  void withoutANameTheGeneratedOneIsPrintedFirst() {
    RunnerFixture.Result result = create("--from-backup", "nightly");

    assertThat(result.err().lines().findFirst().orElseThrow())
        .matches(
            "tugboat: restore 'nightly-\\d{14}'; after a crash, run the command again with this"
                + " NAME to resume it");
  }

  @Test
  void aDryRunInTheBackgroundIsAUsageError() {
    RunnerFixture.Result result = create("--from-backup", "nightly", "--dry-run", "--no-wait");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "tugboat: --dry-run cannot be combined with --no-wait: a dry run only prints its plan,"
                + " so it must run in the foreground\n");
  }

  private RunnerFixture.Result create(String... args) {
    String[] command = new String[args.length + 6];
    command[0] = "--kubeconfig";
    command[1] = kubeconfig.toString();
    command[2] = "--store";
    command[3] = storeRoot.toUri().toString();
    command[4] = "restore";
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
