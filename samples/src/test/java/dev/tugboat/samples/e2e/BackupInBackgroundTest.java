package dev.tugboat.samples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tugboat.core.testing.ProcessOutput;
import dev.tugboat.runner.TugboatApplication;
import dev.tugboat.samples.sandbox.SandboxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tugboat backup create NAME --no-wait}, run as the launcher runs it (a JVM of its own): it
 * returns at once with the pid and log of a background run, which then makes the backup.
 */
class BackupInBackgroundTest {

  private static final String NAME = "in-background";

  private static final Pattern STARTED =
      Pattern.compile(
          "backup "
              + NAME
              + " started in the background \\(pid (\\d+)\\); its output goes to (.+); when it"
              + " ends, `tugboat backup describe "
              + NAME
              + "` shows it");

  @RegisterExtension static SandboxExtension sandbox = SandboxExtension.builder().build();

  @TempDir Path home;

  private Optional<ProcessHandle> background = Optional.empty();

  @AfterEach
  void stopTheBackgroundRunIfItOutlivedTheTest() {
    background.ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void noWaitReturnsWhileABackgroundRunMakesTheBackup() throws Exception {
    Path store = home.resolve("store");
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dtugboat.home=" + home,
                TugboatApplication.class.getName(),
                "backup",
                "create",
                NAME,
                "--kubeconfig",
                sandbox.kubeconfig().toString(),
                "--store",
                store.toUri().toString(),
                "--no-wait")
            .redirectErrorStream(true);
    // Not -cp: Linux JDKs do not expose a command line over 4 KB, which the test classpath is,
    // and tugboat must read its own to start the background run. Its launcher uses a short -jar.
    command.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    Process starter = command.start();
    ProcessOutput output = ProcessOutput.drain(starter);
    if (!starter.waitFor(60, TimeUnit.SECONDS)) {
      starter.destroyForcibly();
      throw new AssertionError("tugboat --no-wait did not return within 60 s:\n" + output.text());
    }
    assertThat(starter.exitValue()).as(output.text()).isZero();
    // The reader thread may still be taking the last line after the exit.
    await().atMost(Duration.ofSeconds(10)).until(() -> !output.lines().isEmpty());
    assertThat(output.lines()).hasSize(1);
    Matcher started = STARTED.matcher(output.lines().get(0));
    assertThat(started.matches()).as(output.text()).isTrue();
    long pid = Long.parseLong(started.group(1));
    background = ProcessHandle.of(pid);
    Path log = home.resolve("logs").resolve("backup-" + NAME + ".log");
    assertThat(started.group(2)).isEqualTo(log.toString());

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(store.resolve("backups/" + NAME + "/velero-backup.json")).exists();
              assertThat(Files.readString(log, StandardCharsets.UTF_8))
                  .containsPattern("(?m)^Backup " + NAME + " Completed: \\d+ items, 0 errors");
            });
  }
}
