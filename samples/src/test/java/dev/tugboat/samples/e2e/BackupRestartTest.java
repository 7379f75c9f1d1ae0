package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tugboat.core.testing.ChildJvm;
import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.RunnerFixture;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.SandboxExtension;
import dev.tugboat.samples.sandbox.seed.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backup whose process dies (crash points halt the JVM as {@code kill -9} would) completes when
 * the same command runs again, and equals a backup of the same cluster that was never interrupted.
 */
class BackupRestartTest {

  private static final String NAME = "restarted";

  @RegisterExtension
  static SandboxExtension sandbox =
      SandboxExtension.builder()
          .options(options -> options.seed(Seeds.named("generated:3x40")).simulation(false))
          .build();

  @RegisterExtension static RunnerFixture tugboat = new RunnerFixture();

  private static VeleroArchiveCheck.CheckedBackup uninterrupted;

  @BeforeAll
  static void backUpWithoutInterruption() throws IOException {
    RunnerFixture.Result result =
        tugboat.run(
            "backup",
            "create",
            NAME,
            "--kubeconfig",
            sandbox.kubeconfig().toString(),
            "--store",
            tugboat.storeUri());
    assertThat(result.exitCode()).as(result.err()).isZero();
    uninterrupted = VeleroArchiveCheck.check(StoreContents.ofFolder(tugboat.store()), NAME);
    assertThat(uninterrupted.items()).hasSizeGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"backup.archive-item#5", "backup.before-metadata"})
  void aRerunAfterACrashCompletesTheSameBackup(String crashPoint, @TempDir Path home)
      throws Exception {
    Path store = home.resolve("store");

    Run crashed = run(home, store, List.of("-Dtugboat.crash-at=" + crashPoint));
    assertThat(crashed.exitCode()).as(crashed.output()).isEqualTo(137);
    assertThat(Files.exists(store.resolve("backups/" + NAME + "/velero-backup.json"))).isFalse();

    Run rerun = run(home, store, List.of());
    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    // The checker also refuses the partial file the crashed write left, if the rerun had not
    // removed it.
    VeleroArchiveCheck.CheckedBackup resumed =
        VeleroArchiveCheck.check(StoreContents.ofFolder(store), NAME);
    assertThat(resumed.entries()).containsExactlyElementsOf(uninterrupted.entries());
    assertThat(resumed.items()).containsExactlyEntriesOf(uninterrupted.items());
  }

  private record Run(int exitCode, String output) {}

  private static Run run(Path home, Path store, List<String> jvmOptions) throws Exception {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Dtugboat.home=" + home));
    options.addAll(jvmOptions);
    Process process =
        ChildJvm.start(
            TugboatApplication.class,
            options,
            List.of(
                "backup",
                "create",
                NAME,
                "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "--store",
                store.toUri().toString()));
    ProcessOutput output = ProcessOutput.drain(process);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tugboat did not finish within 60 s:\n" + output.text());
    }
    return new Run(process.exitValue(), output.text());
  }
}
