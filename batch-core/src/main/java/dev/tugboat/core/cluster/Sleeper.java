package dev.tugboat.core.cluster;

import java.time.Duration;

/** Waits; tests pass one that only advances a virtual clock. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps the current thread. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
