package dev.tugboat.restore.rollback;

import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.core.store.LocalBackupStore;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.LedgerEntry;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the rollback job of one restore, in four steps, each a restart point:
 *
 * <ol>
 *   <li>{@code check}: refuses a restore that does not exist, has no item ledger or is still
 *       running; records the phase {@code RollingBack};
 *   <li>{@code delete}: deletes what the restore created, dependents before owners, a chunk at a
 *       time, each chunk's outcomes recorded with its commit;
 *   <li>{@code put-back}: puts back the before-images of what it updated or recreated, in the
 *       restore's priority order;
 *   <li>{@code report}: the report, {@code restores/<name>/tugboat-rollback.json}.
 * </ol>
 *
 * The migration's rollback runs this job as an inner job for each application's restore.
 */
public final class RollbackJobFactory {

  /** The job's name in the job repository. */
  public static final String JOB_NAME = "restore-rollback";

  /** The first step, whose failures mean the rollback was refused. */
  public static final String CHECK_STEP = "check";

  static final String DELETE_STEP = "delete";
  static final String PUT_BACK_STEP = "put-back";
  static final List<String> UNDO_STEPS = List.of(DELETE_STEP, PUT_BACK_STEP);

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final ClusterConnector connector;
  private final Clock clock;
  private final PollingWait deletionWait;

  public RollbackJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ClusterConnector connector,
      Clock clock) {
    this(jobRepository, transactionManager, connector, clock, PollingWait.standard());
  }

  /**
   * @param deletionWait how long a recreated object may take to go before its before-image is
   *     created again
   */
  public RollbackJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ClusterConnector connector,
      Clock clock,
      PollingWait deletionWait) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.connector = connector;
    this.clock = clock;
    this.deletionWait = deletionWait;
  }

  /**
   * The rollback job of {@code run.restore()}, recorded in {@code run.store()}, in the cluster of
   * {@code run.clusterSettings()}; start it with {@code run.toJobParameters()}.
   *
   * @throws dev.tugboat.core.cluster.ClusterAccessException when the cluster cannot be reached
   * @throws IllegalArgumentException when the store URI is invalid
   */
  public Job create(RollbackRun run) {
    ApiClient api = connector.connect(run.clusterSettings()).apiClient();
    BackupStore store = BackupStores.open(run.store());
    RestoreToRollBack restore =
        new RestoreToRollBack(jobRepository, store, run.store(), run.restore());
    ItemUndo undo =
        new ItemUndo(
            ResourceApplier.live(api),
            new ObjectReplacer(api),
            deletionWait,
            run.restore(),
            run.dryRun());
    OutcomeLedger ledger = outcomes(run, store);
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(tasklet(CHECK_STEP, new CheckTasklet(restore, run, store, clock)))
        .next(undoStep(DELETE_STEP, restore, RollbackPlan::deletions, undo, ledger, run))
        .next(undoStep(PUT_BACK_STEP, restore, RollbackPlan::putBacks, undo, ledger, run))
        .next(
            tasklet("report", new ReportTasklet(jobRepository, restore, run, store, ledger, clock)))
        .build();
  }

  /**
   * The report of a finished run, kept in its job execution (a dry run's is nowhere else).
   *
   * @return empty when the run did not reach its end
   */
  public static Optional<RollbackReport> reportOf(JobExecution job) {
    String json = job.getExecutionContext().getString(ReportTasklet.REPORT_KEY, null);
    return Optional.ofNullable(json).map(RollbackReport::parse);
  }

  /** Deletes the local outcomes of a finished dry run, once its report has been shown. */
  public static void discardDryRun(RollbackRun run) {
    if (!run.dryRun()) {
      throw new IllegalArgumentException("only a dry run's outcomes are discarded");
    }
    outcomes(run, BackupStores.open(run.store())).deleteAll();
  }

  /**
   * Where the outcomes are recorded: in the store beside the restore's records, or for a dry run,
   * which writes nothing to the store, in the local work folder.
   */
  private static OutcomeLedger outcomes(RollbackRun run, BackupStore store) {
    if (run.dryRun()) {
      return new OutcomeLedger(
          new LocalBackupStore(run.workFolder().resolve("rollback-dry-runs")),
          run.restore(),
          run.dryRunId());
    }
    return new OutcomeLedger(store, run.restore(), "outcomes");
  }

  private Step undoStep(
      String name,
      RestoreToRollBack restore,
      Function<RollbackPlan, List<LedgerEntry>> part,
      ItemUndo undo,
      OutcomeLedger ledger,
      RollbackRun run) {
    return new StepBuilder(name, jobRepository)
        .<LedgerEntry, LedgerEntry>chunk(run.chunkSize())
        .transactionManager(transactionManager)
        .reader(new PlannedEntryReader(restore, part))
        .writer(new UndoWriter(undo, ledger, name))
        .build();
  }

  private Step tasklet(String name, Tasklet tasklet) {
    return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
  }
}
