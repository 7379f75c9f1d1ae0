package dev.tugboat.restore.job;

import dev.tugboat.core.cluster.ClusterConnection;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.restore.apply.ItemApplier;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.LedgerConsumer;
import dev.tugboat.restore.ledger.RestoreLedger;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.source.SharedSpool;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the restore job for one run: store to cluster in five steps, each a restart point.
 *
 * <ol>
 *   <li>{@code validate}: the whole backup read and verified before any write, the target reached,
 *       the plan saved in the job;
 *   <li>{@code crds}: the backup's CustomResourceDefinitions applied;
 *   <li>{@code await-crds}: until they are Established;
 *   <li>{@code apply}: every other type in restore order, a chunk at a time, each chunk's items
 *       applied in parallel and recorded in the item ledger with the commit;
 *   <li>{@code publish}: the restore's records from the ledger, {@code tugboat-restore.json} last.
 * </ol>
 *
 * <p>Each attempt unpacks the backup into a folder of its own under the run's work folder and
 * deletes it when it ends; a restarted run unpacks it again and goes on from the last commit.
 * Restores of the same backup that run side by side, such as a migration's, may read one {@link
 * SharedSpool} instead.
 */
public final class RestoreJobFactory {

  /** The job's name in the job repository. */
  public static final String JOB_NAME = "restore";

  static final String CRDS_STEP = "crds";
  static final String APPLY_STEP = "apply";

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final ClusterConnector connector;
  private final Clock clock;
  private final PollingWait crdWait;

  public RestoreJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ClusterConnector connector,
      Clock clock) {
    this(jobRepository, transactionManager, connector, clock, PollingWait.standard());
  }

  /**
   * @param crdWait how long to wait for each restored CustomResourceDefinition to be Established
   */
  public RestoreJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ClusterConnector connector,
      Clock clock,
      PollingWait crdWait) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.connector = connector;
    this.clock = clock;
    this.crdWait = crdWait;
  }

  /**
   * @throws dev.tugboat.core.cluster.ClusterAccessException when the cluster cannot be reached
   * @throws IllegalArgumentException when the store URI is invalid
   */
  public Job create(RestoreRun run, RestoreProgress progress) {
    return create(run, progress, (store, api) -> RestoreSession.open(run, store, api));
  }

  /**
   * One of several restores of the same backup into the same target: it reads the backup from a
   * spool made once for them all, and takes the target's types as discovered once for them all,
   * instead of spooling and discovering again. A type the target came to serve since (a
   * CustomResourceDefinition an earlier restore brought) is taken from the archive, as is one whose
   * definition the restore brings itself. The caller keeps {@code shared} open until the job ends.
   *
   * @throws dev.tugboat.core.cluster.ClusterAccessException when the cluster cannot be reached
   * @throws IllegalArgumentException when the store URI is invalid
   */
  public Job create(
      RestoreRun run, RestoreProgress progress, SharedSpool shared, ResourceCatalog targetTypes) {
    return create(
        run, progress, (store, api) -> RestoreSession.open(run, shared, targetTypes, api));
  }

  /** Opens the session of an attempt, given the run's store and target. */
  @FunctionalInterface
  private interface SessionOpener {
    RestoreSession open(BackupStore store, ApiClient api) throws IOException;
  }

  private Job create(RestoreRun run, RestoreProgress progress, SessionOpener opener) {
    ClusterConnection cluster = connector.connect(run.clusterSettings());
    ApiClient api = cluster.apiClient();
    BackupStore store = BackupStores.open(run.store());
    RestoreRequest request = run.request();
    RestoreSessionHolder sessions = new RestoreSessionHolder(() -> opener.open(store, api));
    ResourceApplier applier = ResourceApplier.live(api);
    ItemApplier items =
        request.dryRun()
            ? ItemApplier.dryRun(applier, request.existingResourcePolicy())
            : ItemApplier.live(applier, request.existingResourcePolicy(), PollingWait.standard());

    return new JobBuilder(JOB_NAME, jobRepository)
        .listener(sessions)
        .start(
            tasklet(
                "validate",
                phase(
                    RestoreProgress.Phase.VALIDATING,
                    progress,
                    new ValidateTasklet(sessions, progress, clock))))
        .next(applyStep(CRDS_STEP, true, run, sessions, items, store, progress))
        .next(
            tasklet(
                AwaitCrdsTasklet.STEP,
                phase(
                    RestoreProgress.Phase.WAITING_FOR_CRDS,
                    progress,
                    new AwaitCrdsTasklet(jobRepository, applier, run, store, crdWait))))
        .next(applyStep(APPLY_STEP, false, run, sessions, items, store, progress))
        .next(
            tasklet(
                "publish",
                phase(
                    RestoreProgress.Phase.PUBLISHING,
                    progress,
                    new PublishTasklet(jobRepository, run, store, clock))))
        .build();
  }

  /**
   * The item ledger of a run: in the store beside the restore's records, or for a dry run, which
   * writes nothing to the store, in the local work folder.
   */
  public static RestoreLedger ledger(RestoreRun run, BackupStore store, JobExecution job) {
    String ledgerRun = RestoreJobContext.from(job.getExecutionContext()).run();
    BackupStore ledgerStore =
        run.request().dryRun() ? new LocalBackupStore(dryRunFolder(run.workFolder())) : store;
    return new RestoreLedger(ledgerStore, run.request().name(), ledgerRun);
  }

  /**
   * The summary of a finished run, kept in its job execution (a dry run's is nowhere else).
   *
   * @return empty when the run did not reach its end
   */
  public static Optional<RestoreSummary> summaryOf(JobExecution job) {
    String json = job.getExecutionContext().getString(PublishTasklet.SUMMARY_KEY, null);
    return Optional.ofNullable(json).map(RestoreSummary::parse);
  }

  /**
   * Hands every entry of a finished run's item ledger to {@code consumer}, in the order the items
   * were applied: what a dry run would do, item by item.
   */
  public void readLedger(RestoreRun run, JobExecution job, LedgerConsumer consumer)
      throws IOException {
    readLedger(jobRepository, run, BackupStores.open(run.store()), job, consumer);
  }

  /**
   * Hands every entry of a finished run's item ledger in {@code store} to {@code consumer}, in the
   * order the items were applied; the count of chunks each step committed is read from the job
   * repository. For the rollback of the restore.
   *
   * @throws IOException when a chunk is missing or damaged
   */
  public static void readLedger(
      JobRepository jobRepository,
      RestoreRun run,
      BackupStore store,
      JobExecution job,
      LedgerConsumer consumer)
      throws IOException {
    RestoreLedger ledger = ledger(run, store, job);
    for (String step : List.of(CRDS_STEP, APPLY_STEP)) {
      ledger.read(step, LedgerCounts.of(jobRepository, job, step).chunks(), consumer);
    }
  }

  /** Deletes the local item ledger of a finished dry run, once it has been shown. */
  public static void discardDryRun(RestoreRun run, JobExecution job) {
    if (!run.request().dryRun()) {
      throw new IllegalArgumentException("only a dry run's ledger is discarded");
    }
    ledger(run, BackupStores.open(run.store()), job).deleteAll();
  }

  private static Path dryRunFolder(Path workFolder) {
    return workFolder.resolve("dry-runs");
  }

  private Step applyStep(
      String name,
      boolean crdTier,
      RestoreRun run,
      RestoreSessionHolder sessions,
      ItemApplier items,
      BackupStore store,
      RestoreProgress progress) {
    return new ApplyStep(
        name, crdTier, jobRepository, transactionManager, run, sessions, items, store, progress);
  }

  private Step tasklet(String name, Tasklet tasklet) {
    return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
  }

  private static Tasklet phase(
      RestoreProgress.Phase phase, RestoreProgress progress, Tasklet tasklet) {
    return (contribution, chunkContext) -> {
      progress.enter(phase);
      return tasklet.execute(contribution, chunkContext);
    };
  }
}
