package dev.tugboat.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line of a background run, rebuilt from the one of the process that starts it. */
class BackgroundRunTest {

  private static final List<String> JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "/opt/tugboat/runner.jar");

  @Test
  void noWaitBecomesWait() {
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "nightly", "--no-wait")))
        .containsExactly("backup", "create", "nightly", "--wait");
  }

  @Test
  void waitWithAnAttachedValueBecomesWait() {
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--wait=false", "nightly")))
        .containsExactly("backup", "create", "--wait", "nightly");
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--no-wait=true", "nightly")))
        .containsExactly("backup", "create", "--wait", "nightly");
  }

  @Test
  void waitFollowedByABooleanLosesTheBoolean() {
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--wait", "false", "nightly")))
        .containsExactly("backup", "create", "--wait", "nightly");
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--no-wait", "TRUE", "nightly")))
        .containsExactly("backup", "create", "--wait", "nightly");
  }

  @Test
  void theArgumentAfterTheOptionStaysWhenItIsNotABoolean() {
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--no-wait", "nightly")))
        .containsExactly("backup", "create", "--wait", "nightly");
  }

  @Test
  void argumentsThatOnlyContainWaitAreLeftAlone() {
    List<String> arguments =
        List.of(
            "backup",
            "create",
            "wait",
            "--labels",
            "note=--no-wait",
            "--selector",
            "await=--wait",
            "--no-waiting",
            "--wait=false");

    assertThat(BackgroundRun.waiting(arguments))
        .containsExactly(
            "backup",
            "create",
            "wait",
            "--labels",
            "note=--no-wait",
            "--selector",
            "await=--wait",
            "--no-waiting",
            "--wait");
  }

  @Test
  void argumentsAfterDoubleDashAreValues() {
    assertThat(BackgroundRun.waiting(List.of("backup", "create", "--no-wait", "--", "--no-wait")))
        .containsExactly("backup", "create", "--wait", "--", "--no-wait");
  }

  @Test
  void theChildKeepsTheJvmArgumentsAndGetsTheAppendedOnes() {
    List<String> user = List.of("restore", "create", "--from-backup", "nightly", "--no-wait");
    List<String> process = concat(JVM, user);

    assertThat(
            BackgroundRun.childCommand(
                "/usr/lib/jvm/bin/java", process, user, List.of("nightly-20260131235959")))
        .containsExactly(
            "/usr/lib/jvm/bin/java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            "/opt/tugboat/runner.jar",
            "restore",
            "create",
            "--from-backup",
            "nightly",
            "--wait",
            "nightly-20260131235959");
  }

  @Test
  void aProcessWhoseArgumentsDoNotEndWithTheCommandsIsRefused() {
    List<String> user = List.of("backup", "create", "nightly", "--no-wait");
    List<String> process = concat(JVM, List.of("surefire.jar", "config.properties"));

    assertThatThrownBy(() -> BackgroundRun.childCommand("java", process, user, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the process's arguments do not end with the command's own (backup create nightly"
                + " --no-wait), as they do when tugboat runs as its own java process");
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
