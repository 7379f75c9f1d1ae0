package dev.tugboat.restore.job;

import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.jobs.TextParameter;
import dev.tugboat.core.store.StoreLocation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of the restore job: the request, the store holding the backup and the restore's records,
 * the target cluster and how hard to press on it. The job's parameters are this record, so a run
 * can be rebuilt from the job repository alone. The request and the store identify a real run; the
 * rest may change between attempts. A dry run writes nothing and can always be repeated, so each
 * one is a run of its own.
 *
 * @param request what to restore
 * @param store the store URI
 * @param kubeconfig the kubeconfig file; null for the default lookup
 * @param context the kubeconfig context of the target cluster; null for the current one
 * @param parallelism how many objects are applied at once
 * @param qps requests per second allowed to the API server
 * @param burst requests allowed at once above the rate
 * @param chunkSize objects per commit: the restart points
 * @param workFolder where this process unpacks the backup while it runs; deleted afterwards
 */
public record RestoreRun(
    RestoreRequest request,
    String store,
    Path kubeconfig,
    String context,
    int parallelism,
    double qps,
    int burst,
    int chunkSize,
    Path workFolder) {

  public static final int DEFAULT_PARALLELISM = 16;

  /**
   * Objects per commit. Each chunk ends by waiting for its slowest request, so small chunks leave
   * the workers idle; a crash redoes at most one chunk, whose objects are then found in place.
   */
  public static final int DEFAULT_CHUNK_SIZE = 1000;

  private static final String RESTORE = "restore";
  private static final String STORE = "store";
  private static final String STORE_URI = "storeUri";
  private static final String REQUEST = "request";
  private static final String DRY_RUN = "dryRun";
  private static final String KUBECONFIG = "kubeconfig";
  private static final String CONTEXT = "context";
  private static final String PARALLELISM = "parallelism";
  private static final String QPS = "qps";
  private static final String BURST = "burst";
  private static final String CHUNK_SIZE = "chunkSize";
  private static final String WORK_FOLDER = "workFolder";

  /**
   * @throws IllegalArgumentException when a number is out of range
   */
  public RestoreRun {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(workFolder, "workFolder");
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
    }
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

  /** How to reach the target cluster. */
  public ClusterSettings clusterSettings() {
    return ClusterSettings.kubeconfig(kubeconfig, context).withRateLimit(qps, burst);
  }

  public JobParameters toJobParameters() {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString(RESTORE, request.name())
            .addString(STORE, StoreLocation.parse(store).identity())
            .addString(STORE_URI, store, false)
            .addLong(PARALLELISM, (long) parallelism, false)
            .addDouble(QPS, qps, false)
            .addLong(BURST, (long) burst, false)
            .addLong(CHUNK_SIZE, (long) chunkSize, false)
            .addString(WORK_FOLDER, workFolder.toString(), false);
    TextParameter.add(parameters, REQUEST, request.toJson());
    if (request.dryRun()) {
      parameters.addString(DRY_RUN, UUID.randomUUID().toString());
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
   * @throws IllegalArgumentException when the parameters are not those of a restore run
   */
  public static RestoreRun fromJobParameters(JobParameters parameters) {
    String request = TextParameter.get(parameters, REQUEST);
    String store = parameters.getString(STORE_URI);
    String workFolder = parameters.getString(WORK_FOLDER);
    if (request == null || store == null || workFolder == null) {
      throw new IllegalArgumentException("not the parameters of a restore run: " + parameters);
    }
    String kubeconfig = parameters.getString(KUBECONFIG);
    return new RestoreRun(
        RestoreRequest.fromJson(request),
        store,
        kubeconfig == null ? null : Path.of(kubeconfig),
        parameters.getString(CONTEXT),
        parameters.getLong(PARALLELISM).intValue(),
        parameters.getDouble(QPS),
        parameters.getLong(BURST).intValue(),
        parameters.getLong(CHUNK_SIZE).intValue(),
        Path.of(workFolder));
  }
}
