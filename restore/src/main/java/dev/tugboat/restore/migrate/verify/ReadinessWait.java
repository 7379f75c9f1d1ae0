package dev.tugboat.restore.migrate.verify;

import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.restore.migrate.verify.Verification.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Waits for an application's workloads to become available in the target, polling an {@link
 * AvailabilityProbe}, and says how the wait ended: all AVAILABLE; SHORT_OF_ROOM as soon as lack of
 * room has held on every poll for {@code shortageGrace} (a downgrade is due, no point waiting out
 * the timeout); FAILED at the first failure; TIMED_OUT otherwise.
 *
 * <p>The grace gives the cluster time to clear a passing shortage (pods of another application
 * terminating, a quota being raised) before Tugboat gives up replicas for it. Read failures that
 * may pass (no answer, 429, 5xx) count as progress: the wait goes on until the timeout.
 */
public final class ReadinessWait {

  private final AvailabilityProbe probe;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final Duration shortageGrace;

  /**
   * @param pollInterval the pause between two looks
   * @param shortageGrace how long lack of room must last, seen on consecutive polls, to decide
   *     SHORT_OF_ROOM; zero decides on the second poll that sees it
   */
  public ReadinessWait(
      AvailabilityProbe probe,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval,
      Duration shortageGrace) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pollInterval = positive(pollInterval, "pollInterval");
    this.shortageGrace = Objects.requireNonNull(shortageGrace, "shortageGrace");
    if (shortageGrace.isNegative()) {
      throw new IllegalArgumentException("shortageGrace must not be negative: " + shortageGrace);
    }
  }

  /**
   * Polls until a verdict. Events from before the call are ignored (see {@link
   * AvailabilityProbe#probe(List, Instant)}).
   *
   * @throws InterruptedException when the thread is interrupted while pausing
   */
  public Verification await(List<WatchedWorkload> workloads, Duration timeout)
      throws InterruptedException {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Instant shortageSince = null;
    while (true) {
      List<WorkloadState> states = probe.probe(workloads, start);
      Instant now = clock.instant();
      if (states.stream().allMatch(state -> state.readiness() == Readiness.AVAILABLE)) {
        return new Verification(Outcome.AVAILABLE, "", states);
      }
      if (any(states, Readiness.FAILED)) {
        return verdict(Outcome.FAILED, states, Readiness.FAILED);
      }
      if (!any(states, Readiness.SHORT_OF_ROOM)) {
        shortageSince = null;
      } else if (shortageSince == null) {
        shortageSince = now;
      } else if (!now.isBefore(shortageSince.plus(shortageGrace))) {
        return verdict(Outcome.SHORT_OF_ROOM, states, Readiness.SHORT_OF_ROOM);
      }
      if (!now.isBefore(deadline)) {
        return new Verification(
            Outcome.TIMED_OUT,
            describe(states, state -> state.readiness() != Readiness.AVAILABLE),
            states);
      }
      Duration left = Duration.between(now, deadline);
      sleeper.sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
    }
  }

  /** A verdict explained by the workloads of the deciding readiness. */
  private static Verification verdict(
      Outcome outcome, List<WorkloadState> states, Readiness deciding) {
    return new Verification(
        outcome, describe(states, state -> state.readiness() == deciding), states);
  }

  private static String describe(List<WorkloadState> states, Predicate<WorkloadState> concerned) {
    return states.stream()
        .filter(concerned)
        .map(WorkloadState::describe)
        .collect(Collectors.joining("; "));
  }

  private static boolean any(List<WorkloadState> states, Readiness readiness) {
    return states.stream().anyMatch(state -> state.readiness() == readiness);
  }

  private static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
