package dev.tugboat.restore.rollback;

import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.store.StoreLocation;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of the rollback job. The restore's name and the store identify it, so running it again
 * after a crash resumes it; a dry run writes nothing and is a run of its own, identified by its
 * {@code dryRunId}.
 *
 * @param restore the restore to roll back
 * @param store the store URI holding the restore's records and ledger
 * @param kubeconfig the kubeconfig file of the restore's target; null for the default lookup
 * @param context the kubeconfig context; null for the current one
 * @param qps requests per second allowed to the API server
 * @param burst requests allowed at once above the rate
 * @param chunkSize items undone per commit: the restart points
 * @param workFolder where a dry run keeps its outcomes until they are printed
 * @param dryRunId null for a real rollback; a random id for a dry run
 */
public record RollbackRun(
    String restore,
    String store,
    Path kubeconfig,
    String context,
    double qps,
    int burst,
    int chunkSize,
    Path workFolder,
    String dryRunId) {

  /** Items per commit: a crash redoes at most this many reads, each finding its work done. */
  public static final int DEFAULT_CHUNK_SIZE = 100;

  private static final String RESTORE = "restore";
  private static final String STORE = "store";
  private static final String STORE_URI = "storeUri";
  private static final String DRY_RUN = "dryRun";
  private static final String KUBECONFIG = "kubeconfig";
  private static final String CONTEXT = "context";
  private static final String QPS = "qps";
  private static final String BURST = "burst";
  private static final String CHUNK_SIZE = "chunkSize";
  private static final String WORK_FOLDER = "workFolder";

  /**
   * @throws IllegalArgumentException when a number is out of range
   */
  public RollbackRun {
    Objects.requireNonNull(restore, "restore");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(workFolder, "workFolder");
    if (!(qps > 0)) {
      throw new IllegalArgumentException("--qps must be positive, not " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, not " + burst);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("the chunk size must be at least 1, not " + chunkSize);
    }
  }

  public boolean dryRun() {
    return dryRunId != null;
  }

  /** How to reach the restore's target cluster. */
  public ClusterSettings clusterSettings() {
    return ClusterSettings.kubeconfig(kubeconfig, context).withRateLimit(qps, burst);
  }

  public JobParameters toJobParameters() {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString(RESTORE, restore)
            .addString(STORE, StoreLocation.parse(store).identity())
            .addString(STORE_URI, store, false)
            .addDouble(QPS, qps, false)
            .addLong(BURST, (long) burst, false)
            .addLong(CHUNK_SIZE, (long) chunkSize, false)
            .addString(WORK_FOLDER, workFolder.toString(), false);
    if (dryRunId != null) {
      parameters.addString(DRY_RUN, dryRunId);
    }
    if (kubeconfig != null) {
      parameters.addString(KUBECONFIG, kubeconfig.toString(), false);
    }
    if (context != null) {
      parameters.addString(CONTEXT, context, false);
    }
    return parameters.toJobParameters();
  }

  /**
   * The run whose parameters these are, to restart it.
   *
   * @throws IllegalArgumentException when they are not a rollback run's
   */
  public static RollbackRun fromJobParameters(JobParameters parameters) {
    String restore = parameters.getString(RESTORE);
    String store = parameters.getString(STORE_URI);
    String workFolder = parameters.getString(WORK_FOLDER);
    if (restore == null || store == null || workFolder == null) {
      throw new IllegalArgumentException("not the parameters of a rollback run: " + parameters);
    }
    String kubeconfig = parameters.getString(KUBECONFIG);
    return new RollbackRun(
        restore,
        store,
        kubeconfig == null ? null : Path.of(kubeconfig),
        parameters.getString(CONTEXT),
        parameters.getDouble(QPS),
        parameters.getLong(BURST).intValue(),
        parameters.getLong(CHUNK_SIZE).intValue(),
        Path.of(workFolder),
        parameters.getString(DRY_RUN));
  }
}
