package dev.tugboat.restore.migrate;

/**
 * Undoes a failed application's restore in the target at once, for the plan's {@code onFailure:
 * rollback}; the job supplies it, since it runs as an inner job.
 */
@FunctionalInterface
interface FailedRestoreRollback {

  /**
   * @return what was undone, e.g. {@code 5 deleted, 1 put back, 0 left alone, 0 failed}
   * @throws Exception when the rollback was refused or did not finish
   */
  String rollBack(String restore) throws Exception;
}
