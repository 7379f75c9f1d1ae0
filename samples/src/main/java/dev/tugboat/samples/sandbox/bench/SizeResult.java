package dev.tugboat.samples.sandbox.bench;

/**
 * Both sides of the backup benchmark against one seeded sandbox.
 *
 * @param seed the sandbox's seed, e.g. {@code generated:200x50}
 */
record SizeResult(String seed, BackupMeasurement floor, BackupMeasurement tugboat) {

  /** Tugboat's time over the floor's. */
  double ratio() {
    return (double) tugboat.nanos() / floor.nanos();
  }

  /** The same ratio with Tugboat's fixed start-up cost taken off its time. */
  double ratioWithoutStartUp(long startUpNanos) {
    return (double) (tugboat.nanos() - startUpNanos) / floor.nanos();
  }
}
