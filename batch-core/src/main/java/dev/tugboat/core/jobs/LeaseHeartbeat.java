package dev.tugboat.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews one execution's lease at a fixed interval on a daemon thread, so that other processes see
 * its owner alive until {@link #stop()}; a killed JVM simply stops renewing.
 */
final class LeaseHeartbeat {

  private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

  private final RunLeaseRepository leases;
  private final long executionId;
  private final RunOwner owner;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  private LeaseHeartbeat(RunLeaseRepository leases, long executionId, RunOwner owner, Clock clock) {
    this.leases = leases;
    this.executionId = executionId;
    this.owner = owner;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tugboat-lease-" + executionId);
              thread.setDaemon(true);
              return thread;
            });
  }

  static LeaseHeartbeat start(
      RunLeaseRepository leases, long executionId, RunOwner owner, Clock clock, Duration interval) {
    LeaseHeartbeat heartbeat = new LeaseHeartbeat(leases, executionId, owner, clock);
    heartbeat.scheduler.scheduleAtFixedRate(
        heartbeat::renew, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return heartbeat;
  }

  /** Stops renewing, waiting for a renewal in progress so that none lands after this returns. */
  void stop() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("The lease heartbeat of job execution {} did not stop in time", executionId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void renew() {
    // An exception would cancel all later renewals, so a failed one is only logged.
    try {
      if (!leases.renew(executionId, owner, clock.instant())) {
        log.error(
            "Lost the lease of job execution {}: another process found this one gone and recovered"
                + " the execution",
            executionId);
      }
    } catch (RuntimeException e) {
      log.warn("Could not renew the lease of job execution {}: {}", executionId, e.toString());
    }
  }
}
