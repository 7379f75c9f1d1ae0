package dev.tugboat.restore.migrate;

import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.report.RestoreSummary;

/** Runs an application's restore to its end, or returns the summary of its finished run. */
@FunctionalInterface
interface RestoreLauncher {

  /**
   * @throws Exception when the restore did not finish; running the migration again resumes it
   */
  RestoreSummary restore(RestoreRun run) throws Exception;
}
