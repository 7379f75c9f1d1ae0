package dev.tugboat.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerCheckTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final RunOwner SELF = new RunOwner(ProcessHandle.current().pid(), "this-host");

  private final OwnerCheck check =
      new OwnerCheck(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30), SELF);

  @Test
  void freshHeartbeatOnAnotherHostIsAlive() {
    assertThat(check.check(lease(new RunOwner(42, "other-host"), 30), NOW))
        .isEqualTo(new OwnerCheck.Verdict(false, "owner 42@other-host renewed its lease 30 s ago"));
  }

  @Test
  void heartbeatOlderThanTheLimitIsGone() {
    assertThat(check.check(lease(new RunOwner(42, "other-host"), 31), NOW))
        .isEqualTo(
            new OwnerCheck.Verdict(true, "owner 42@other-host last renewed its lease 31 s ago"));
  }

  @Test
  void endedProcessOnThisHostIsGoneDespiteAFreshHeartbeat() throws Exception {
    RunOwner ended = new RunOwner(endedProcessId(), "this-host");

    assertThat(check.check(lease(ended, 1), NOW))
        .isEqualTo(
            new OwnerCheck.Verdict(
                true, "owner " + ended + " ran on this host and its process has ended"));
  }

  @Test
  void runningProcessOnThisHostIsAlive() {
    assertThat(check.check(lease(SELF, 1), NOW).ownerGone()).isFalse();
  }

  @Test
  void samePidOnAnotherHostIsNotCheckedLocally() throws Exception {
    RunOwner elsewhere = new RunOwner(endedProcessId(), "other-host");

    assertThat(check.check(lease(elsewhere, 1), NOW).ownerGone()).isFalse();
  }

  @Test
  void withoutLeaseOnlySpringBatchStalenessCounts() {
    assertThat(check.check(Optional.empty(), NOW.minusSeconds(30)))
        .isEqualTo(
            new OwnerCheck.Verdict(
                false,
                "an unknown process (no lease) updated it 30 s ago; it counts as gone after 30 s"
                    + " without update"));
    assertThat(check.check(Optional.empty(), NOW.minusSeconds(95)))
        .isEqualTo(
            new OwnerCheck.Verdict(
                true, "no process holds a lease and Spring Batch last updated it 95 s ago"));
  }

  private static Optional<RunLease> lease(RunOwner owner, long secondsAgo) {
    return Optional.of(new RunLease(7, owner, NOW.minusSeconds(secondsAgo)));
  }

  /** The id of a process that has run and been reaped, so no process has it (barring reuse). */
  static long endedProcessId() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }
}
