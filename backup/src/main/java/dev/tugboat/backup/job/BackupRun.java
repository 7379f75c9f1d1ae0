package dev.tugboat.backup.job;

import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.jobs.TextParameter;
import dev.tugboat.core.store.StoreLocation;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of the backup job: the request, the store it writes to, the cluster it reads and how hard
 * it may press on it. The job's parameters are this record, so that a run can be rebuilt from the
 * job repository alone (to restart it from another process). The name, store and request identify
 * the run; the rest may change between attempts. The store identifies it by where it is, not by how
 * its URI is spelled: {@code /backups}, {@code /backups/} and {@code file:///backups} are one
 * store, so the same command with any of them resumes the run instead of starting it over.
 *
 * @param request what to back up
 * @param store the store URI
 * @param kubeconfig the kubeconfig file; null for the default lookup
 * @param context the kubeconfig context; null for the current one
 * @param parallelism how many partitions are listed at once
 * @param qps requests per second allowed to the API server
 * @param burst requests allowed at once above the rate
 * @param pageSize objects per LIST request and per staged chunk
 */
public record BackupRun(
    BackupRequest request,
    String store,
    Path kubeconfig,
    String context,
    int parallelism,
    double qps,
    int burst,
    int pageSize) {

  public static final int DEFAULT_PARALLELISM = 4;
  public static final int DEFAULT_PAGE_SIZE = 500;

  private static final String BACKUP = "backup";
  private static final String STORE = "store";
  private static final String STORE_URI = "storeUri";
  private static final String REQUEST = "request";
  private static final String KUBECONFIG = "kubeconfig";
  private static final String CONTEXT = "context";
  private static final String PARALLELISM = "parallelism";
  private static final String QPS = "qps";
  private static final String BURST = "burst";
  private static final String PAGE_SIZE = "pageSize";

  /**
   * @throws IllegalArgumentException when a number is out of range
   */
  public BackupRun {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, not " + parallelism);
    }
    if (!(qps > 0)) {
      throw new IllegalArgumentException("--qps must be positive, not " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, not " + burst);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("the page size must be at least 1, not " + pageSize);
    }
  }

  /** How to reach the cluster. */
  public ClusterSettings clusterSettings() {
    return ClusterSettings.kubeconfig(kubeconfig, context).withRateLimit(qps, burst);
  }

  public JobParameters toJobParameters() {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString(BACKUP, request.name())
            .addString(STORE, StoreLocation.parse(store).identity())
            .addString(STORE_URI, store, false)
            .addLong(PARALLELISM, (long) parallelism, false)
            .addDouble(QPS, qps, false)
            .addLong(BURST, (long) burst, false)
            .addLong(PAGE_SIZE, (long) pageSize, false);
    TextParameter.add(parameters, REQUEST, request.toJson());
    if (kubeconfig != null) {
      parameters.addString(KUBECONFIG, kubeconfig.toString(), false);
    }
    if (context != null) {
      parameters.addString(CONTEXT, context, false);
    }
    return parameters.toJobParameters();
  }

  /**
   * @throws IllegalArgumentException when the parameters are not those of a backup run
   */
  public static BackupRun fromJobParameters(JobParameters parameters) {
    String request = TextParameter.get(parameters, REQUEST);
    String store = parameters.getString(STORE_URI);
    if (request == null || store == null) {
      throw new IllegalArgumentException("not the parameters of a backup run: " + parameters);
    }
    String kubeconfig = parameters.getString(KUBECONFIG);
    return new BackupRun(
        BackupRequest.fromJson(request),
        store,
        kubeconfig == null ? null : Path.of(kubeconfig),
        parameters.getString(CONTEXT),
        parameters.getLong(PARALLELISM).intValue(),
        parameters.getDouble(QPS),
        parameters.getLong(BURST).intValue(),
        parameters.getLong(PAGE_SIZE).intValue());
  }
}
