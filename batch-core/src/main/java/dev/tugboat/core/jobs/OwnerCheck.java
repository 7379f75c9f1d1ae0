package dev.tugboat.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether the process that left a job execution running is provably gone, so that the
 * execution may be recovered. When in doubt the owner counts as alive: recovering a live run would
 * let two processes write the same backup.
 *
 * <p>The owner is gone when its lease heartbeat is older than the staleness limit, or when it ran
 * on this host and its PID is no longer alive. An execution without a lease (started by a process
 * that does not write leases) is gone only when Spring Batch's own last update is older than the
 * limit.
 */
final class OwnerCheck {

  /**
   * @param ownerGone whether the execution may be recovered
   * @param explanation who owns the execution and why it counts as alive or gone, for logs and
   *     error messages
   */
  record Verdict(boolean ownerGone, String explanation) {}

  private final Clock clock;
  private final Duration staleAfter;
  private final RunOwner self;

  OwnerCheck(Clock clock, Duration staleAfter, RunOwner self) {
    this.clock = clock;
    this.staleAfter = staleAfter;
    this.self = self;
  }

  /**
   * @param lease the execution's lease, if its owner wrote one
   * @param lastUpdate the latest update Spring Batch recorded for the execution or its steps
   */
  Verdict check(Optional<RunLease> lease, Instant lastUpdate) {
    Instant now = clock.instant();
    if (lease.isEmpty()) {
      Duration age = Duration.between(lastUpdate, now);
      return age.compareTo(staleAfter) > 0
          ? new Verdict(
              true, "no process holds a lease and Spring Batch last updated it " + ago(age))
          : new Verdict(
              false,
              "an unknown process (no lease) updated it "
                  + ago(age)
                  + "; it counts as gone after "
                  + staleAfter.toSeconds()
                  + " s without update");
    }
    RunOwner owner = lease.get().owner();
    Duration age = Duration.between(lease.get().heartbeat(), now);
    if (age.compareTo(staleAfter) > 0) {
      return new Verdict(true, "owner " + owner + " last renewed its lease " + ago(age));
    }
    if (owner.isOnSameHostAs(self) && !isAlive(owner.pid())) {
      return new Verdict(true, "owner " + owner + " ran on this host and its process has ended");
    }
    return new Verdict(false, "owner " + owner + " renewed its lease " + ago(age));
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String ago(Duration age) {
    return age.toSeconds() + " s ago";
  }
}
