package dev.tugboat.samples.sandbox.bench;

/**
 * One timed {@code tugboat migrate} of the benchmark's applications into a fresh target.
 *
 * @param parallelism the plan's: applications migrated at once
 * @param migrated the applications the migration's report says are Migrated
 * @param nanos wall-clock time of the command, from its JVM's start to its exit
 * @param applicationNanos the sum of the applications' own times (started to finished in the
 *     report): restore, readiness wait and hooks, without the run's fixed costs
 * @param spanNanos from the first application's start to the last one's finish, in the report
 */
record MigrationMeasurement(
    int parallelism, int migrated, long nanos, long applicationNanos, long spanNanos) {

  double seconds() {
    return nanos / 1e9;
  }
}
