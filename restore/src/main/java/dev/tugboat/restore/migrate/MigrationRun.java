package dev.tugboat.restore.migrate;

import dev.tugboat.core.cluster.ClusterSettings;
import dev.tugboat.core.jobs.TextParameter;
import dev.tugboat.core.store.StoreLocation;
import dev.tugboat.restore.capacity.plan.ClusterAccess;
import dev.tugboat.restore.capacity.plan.MigrationMode;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.plan.PlanSource;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One run of the migration job: the plan, the store that holds the backups and the records, how to
 * reach the clusters and how hard to press on them. The job's parameters are this record, so a run
 * can be rebuilt from the job repository alone ({@code tugboat migrate --resume ID}). The
 * migration's id (the plan's name) and the store identify the run; the plan itself does not, so
 * that a resumed run is the same job instance, and the command line refuses a changed plan.
 *
 * @param plan the migration plan, with the command line's overrides applied
 * @param store the store URI
 * @param sourceKubeconfig the kubeconfig file of an online source; null for the default lookup
 * @param targetKubeconfig the kubeconfig file of the target; null for the default lookup
 * @param qps requests per second allowed to each API server
 * @param burst requests allowed at once above the rate
 * @param workFolder where this process unpacks backups while it runs
 */
public record MigrationRun(
    MigrationPlan plan,
    String store,
    Path sourceKubeconfig,
    Path targetKubeconfig,
    double qps,
    int burst,
    Path workFolder) {

  private static final String MIGRATION = "migration";
  private static final String STORE = "store";
  private static final String STORE_URI = "storeUri";
  private static final String PLAN = "plan";
  private static final String SOURCE_KUBECONFIG = "sourceKubeconfig";
  private static final String TARGET_KUBECONFIG = "targetKubeconfig";
  private static final String QPS = "qps";
  private static final String BURST = "burst";
  private static final String WORK_FOLDER = "workFolder";

  /**
   * @throws IllegalArgumentException when a number is out of range
   */
  public MigrationRun {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(workFolder, "workFolder");
    if (!(qps > 0)) {
      throw new IllegalArgumentException("--qps must be positive, not " + qps);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, not " + burst);
    }
  }

  /** The migration's id: the plan's name. */
  public String id() {
    return plan.name();
  }

  /**
   * The backup the applications are restored from: in online mode the restart-point backup this
   * migration takes, named after it; offline, the plan's backup.
   */
  public String sourceBackup() {
    return plan.source() instanceof PlanSource.Stored stored ? stored.backup() : id();
  }

  /** Whether the source is a live cluster, which the migration backs up first and may cut over. */
  public boolean online() {
    return plan.mode() != MigrationMode.OFFLINE;
  }

  /** How to reach the online source. */
  public ClusterSettings sourceSettings() {
    return settings(sourceKubeconfig, sourceCluster());
  }

  /** The online source's kubeconfig context. */
  public String sourceContext() {
    return sourceCluster().context();
  }

  private ClusterAccess sourceCluster() {
    if (!(plan.source() instanceof PlanSource.Live live)) {
      throw new IllegalStateException("an offline migration has no source cluster");
    }
    return live.cluster();
  }

  /** How to reach the target. */
  public ClusterSettings targetSettings() {
    return settings(targetKubeconfig, plan.target().cluster());
  }

  private ClusterSettings settings(Path kubeconfig, ClusterAccess cluster) {
    return ClusterSettings.kubeconfig(kubeconfig, cluster.context()).withRateLimit(qps, burst);
  }

  public JobParameters toJobParameters() {
    JobParametersBuilder parameters =
        new JobParametersBuilder()
            .addString(MIGRATION, id())
            .addString(STORE, StoreLocation.parse(store).identity())
            .addString(STORE_URI, store, false)
            .addDouble(QPS, qps, false)
            .addLong(BURST, (long) burst, false)
            .addString(WORK_FOLDER, workFolder.toString(), false);
    TextParameter.add(parameters, PLAN, plan.toJson(), false);
    if (sourceKubeconfig != null) {
      parameters.addString(SOURCE_KUBECONFIG, sourceKubeconfig.toString(), false);
    }
    if (targetKubeconfig != null) {
      parameters.addString(TARGET_KUBECONFIG, targetKubeconfig.toString(), false);
    }
    return parameters.toJobParameters();
  }

  /** The identifying parameters of a migration's job instance, to find it by id. */
  public static JobParameters identity(String id, String store) {
    return new JobParametersBuilder()
        .addString(MIGRATION, id)
        .addString(STORE, StoreLocation.parse(store).identity())
        .toJobParameters();
  }

  /**
   * @throws IllegalArgumentException when the parameters are not those of a migration run
   */
  public static MigrationRun fromJobParameters(JobParameters parameters) {
    String plan = TextParameter.get(parameters, PLAN);
    String store = parameters.getString(STORE_URI);
    String workFolder = parameters.getString(WORK_FOLDER);
    Double qps = parameters.getDouble(QPS);
    Long burst = parameters.getLong(BURST);
    if (plan == null || store == null || workFolder == null || qps == null || burst == null) {
      throw new IllegalArgumentException("not the parameters of a migration run: " + parameters);
    }
    return new MigrationRun(
        MigrationPlanParser.parse(plan),
        store,
        path(parameters.getString(SOURCE_KUBECONFIG)),
        path(parameters.getString(TARGET_KUBECONFIG)),
        qps,
        burst.intValue(),
        Path.of(workFolder));
  }

  private static Path path(String text) {
    return text == null ? null : Path.of(text);
  }
}
