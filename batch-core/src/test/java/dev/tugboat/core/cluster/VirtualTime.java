package dev.tugboat.core.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A monotonic clock that only moves when someone sleeps on it; records every sleep. */
final class VirtualTime implements Sleeper, LongSupplier {

  // Not zero, so that nothing passes by assuming the clock starts at zero.
  private long nanos = 7_000_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  @Override
  public synchronized long getAsLong() {
    return nanos;
  }

  synchronized void advance(Duration duration) {
    nanos += duration.toNanos();
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
