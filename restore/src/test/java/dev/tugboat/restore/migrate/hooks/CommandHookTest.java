package dev.tugboat.restore.migrate.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tugboat.restore.capacity.plan.Hook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands run as real processes (sh, sleep and seq are on every Linux the build runs on). */
class CommandHookTest {

  private static final HookContext BEFORE_SHOP =
      HookContext.beforeApplication("demo-failover", "shop");

  private final HookRunner runner = new HookRunner();

  private static Hook command(String name, String... argv) {
    return new Hook(name, new Hook.Command(List.of(argv)), Duration.ofSeconds(60));
  }

  @Test
  void aSucceedingCommandKeepsItsOutputWithStderrMerged() {
    HookResult result =
        runner.run(command("greet", "sh", "-c", "echo one; echo two >&2; echo three"), BEFORE_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                true,
                "Hook 'greet' (command sh) succeeded: exit code 0",
                List.of("one", "two", "three")));
  }

  @Test
  void keepsTheLast50LinesOfTheOutput() {
    HookResult result = runner.run(command("count", "seq", "1", "60"), BEFORE_SHOP);

    assertThat(result.output())
        .isEqualTo(IntStream.rangeClosed(11, 60).mapToObj(Integer::toString).toList());
  }

  @Test
  void aNonZeroExitFailsNamingTheHookAndTheCode() {
    HookResult result =
        runner.run(
            command("update-cmdb", "sh", "-c", "echo cannot reach the CMDB; exit 3"), BEFORE_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                false,
                "Hook 'update-cmdb' (command sh) failed: exit code 3",
                List.of("cannot reach the CMDB")));
  }

  @Test
  void aCommandPastItsTimeoutIsKilledAndFails() {
    Hook slow = new Hook("slow", new Hook.Command(List.of("sleep", "30")), Duration.ofMillis(200));

    HookResult result = runner.run(slow, BEFORE_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                false,
                "Hook 'slow' (command sleep) failed: timed out after 200ms; it and its child"
                    + " processes were killed",
                List.of()));
  }

  @Test
  void aTimeoutKillsTheCommandsChildrenToo() {
    assumeTrue(Files.isDirectory(Path.of("/proc")), "reads process states from /proc");
    // The shell prints its background sleep's pid, then waits for it past the timeout.
    Hook script =
        new Hook(
            "script",
            new Hook.Command(List.of("sh", "-c", "sleep 30 & echo $!; wait")),
            Duration.ofSeconds(1));

    HookResult result = runner.run(script, BEFORE_SHOP);

    assertThat(result.succeeded()).isFalse();
    long sleepPid = Long.parseLong(result.output().get(0));
    await().atMost(Duration.ofSeconds(10)).until(() -> !isRunning(sleepPid));
  }

  @Test
  void theCommandSeesItsContextInTheEnvironment() {
    Hook printEnvironment =
        command(
            "print",
            "sh",
            "-c",
            "echo \"$TUGBOAT_MIGRATION|$TUGBOAT_HOOK|$TUGBOAT_APPLICATION|$TUGBOAT_STATUS\"");

    HookResult afterShop =
        runner.run(
            printEnvironment, HookContext.afterApplication("demo-failover", "shop", "Degraded"));
    HookResult beforeCutover =
        runner.run(printEnvironment, HookContext.beforeCutover("demo-failover"));

    assertThat(afterShop.output()).containsExactly("demo-failover|afterApplication|shop|Degraded");
    assertThat(beforeCutover.output()).containsExactly("demo-failover|beforeCutover||");
  }

  @Test
  void aMissingProgramFailsNamingIt() {
    HookResult result = runner.run(command("notify", "/nonexistent/notify"), BEFORE_SHOP);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.summary())
        .startsWith(
            "Hook 'notify' (command /nonexistent/notify) failed: it could not be started: Cannot"
                + " run program \"/nonexistent/notify\"");
    assertThat(result.output()).isEmpty();
  }

  @Test
  void runAllStopsAtTheFirstFailure(@TempDir Path directory) {
    Path marker = directory.resolve("third-ran");

    HookResult result =
        runner.runAll(
            List.of(
                command("first", "echo", "first"),
                command("second", "sh", "-c", "exit 1"),
                command("third", "touch", marker.toString())),
            BEFORE_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(false, "Hook 'second' (command sh) failed: exit code 1", List.of()));
    assertThat(marker).doesNotExist();
  }

  @Test
  void runAllSucceedsWithEveryHooksOutput() {
    HookResult result =
        runner.runAll(
            List.of(command("first", "echo", "a"), command("second", "echo", "b")), BEFORE_SHOP);

    assertThat(result)
        .isEqualTo(
            new HookResult(
                true,
                "2 hook(s) at beforeApplication of shop succeeded: first, second",
                List.of("a", "b")));
  }

  /** Whether the process exists and is not a zombie (this container's init may never reap it). */
  private static boolean isRunning(long pid) throws IOException {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (NoSuchFileException gone) {
      return false;
    }
    char state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state != 'Z' && state != 'X';
  }
}
