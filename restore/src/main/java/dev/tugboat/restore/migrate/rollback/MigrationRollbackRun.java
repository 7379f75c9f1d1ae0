package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.store.StoreLocation;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of a migration's rollback. The migration's id and the store identify it, so running it
 * again after a crash resumes it; everything else (the clusters, the rate limits, the work folder)
 * is the migration's own, read from its job. A dry run writes nothing and is a run of its own,
 * identified by its {@code dryRunId}.
 *
 * @param migration the migration's id
 * @param store the store URI holding the migration's records
 * @param dryRunId null for a real rollback; a random id for a dry run
 */
public record MigrationRollbackRun(String migration, String store, String dryRunId) {

  private static final String MIGRATION = "migration";
  private static final String STORE = "store";
  private static final String STORE_URI = "storeUri";
  private static final String DRY_RUN = "dryRun";

  public MigrationRollbackRun {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(store, "store");
  }

  public boolean dryRun() {
    return dryRunId != null;
  }

  public JobParameters toJobParameters() {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString(MIGRATION, migration)
            .addString(STORE, StoreLocation.parse(store).identity())
            .addString(STORE_URI, store, false);
    if (dryRunId != null) {
      parameters.addString(DRY_RUN, dryRunId);
    }
    return parameters.toJobParameters();
  }

  /** The identifying parameters of a migration's (real) rollback, to find it by id. */
  public static JobParameters identity(String migration, String store) {
    return new MigrationRollbackRun(migration, store, null).toJobParameters();
  }
}
