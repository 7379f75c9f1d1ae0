package dev.tugboat.restore.migrate;

import dev.tugboat.backup.job.BackupJobFactory;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.jobs.RunAlreadyCompletedException;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.job.RestoreProgress;
import dev.tugboat.restore.job.RestoreRun;
import dev.tugboat.restore.ledger.LedgerConsumer;
import dev.tugboat.restore.migrate.cutover.SourceCutover;
import dev.tugboat.restore.migrate.hooks.HookRunner;
import dev.tugboat.restore.migrate.verify.AvailabilityProbe;
import dev.tugboat.restore.migrate.verify.ReadinessWait;
import dev.tugboat.restore.report.RestoreSummary;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackRun;
import dev.tugboat.restore.source.SharedSpool;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the migration job for one run (issue 7), each step a restart point:
 *
 * <ol>
 *   <li>{@code validate}: both clusters answer, an offline source's backup exists, no target
 *       namespace is being deleted;
 *   <li>{@code restart-point} (online only): a backup of the source scope, named after the
 *       migration; the applications are restored from it, so online and offline migrations work the
 *       same way from here;
 *   <li>{@code capacity}: the capacity plan, downgrade included, kept in the job;
 *   <li>{@code tier-0} to {@code tier-3}: core first, a partition per application of the tier
 *       ({@code application:<name>}), {@code parallelism} at a time; each is restored with its
 *       planned replicas, checked for readiness and stepped down on lack of room;
 *   <li>{@code cutover}: of the source, per the plan, for the applications that run in the target;
 *   <li>{@code report}: {@code tugboat-migration-<id>.json} and {@code .html}.
 * </ol>
 *
 * <p>The steps that run another job (the restart-point backup, each application's restore) are
 * {@link InnerJobStep}s. The steps that read the backup share one spool of it ({@link
 * SourceSpool}).
 */
public final class MigrationJobFactory {

  /** The job's name in the job repository. */
  public static final String JOB_NAME = "migration";

  /**
   * How often readiness is polled, and how long lack of room must last to step down: longer than
   * the controllers' retry of a refused pod creation (10 s for ReplicaSets), so that a refusal from
   * before a step down has cleared.
   */
  public record Readiness(Duration pollInterval, Duration shortageGrace) {}

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final JobRunStarter starter;
  private final BackupJobFactory backups;
  private final RestoreJobFactory restores;
  private final RestoreRollbacks rollbacks;
  private final ClusterConnector connector;
  private final Clock clock;
  private final Readiness readiness;

  public MigrationJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JobRunStarter starter,
      BackupJobFactory backups,
      RestoreJobFactory restores,
      RollbackJobFactory rollbacks,
      ClusterConnector connector,
      Clock clock,
      Readiness readiness) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.starter = starter;
    this.backups = backups;
    this.restores = restores;
    this.rollbacks = new RestoreRollbacks(rollbacks, starter, jobRepository);
    this.connector = connector;
    this.clock = clock;
    this.readiness = readiness;
  }

  /**
   * @throws dev.tugboat.core.cluster.ClusterAccessException when the target cannot be reached
   * @throws dev.tugboat.core.cluster.DiscoveryException when its API cannot be discovered
   */
  public Job create(MigrationRun run) {
    ApiClient target = connector.connect(run.targetSettings()).apiClient();
    ResourceCatalog targetTypes = new ResourceDiscovery(target).discover();
    ResourceApplier targetApplier = ResourceApplier.live(target);
    BackupStore store = BackupStores.open(run.store());
    SourceSpool sourceSpool = new SourceSpool(run, store);
    SharedSpool spool = sourceSpool.spool();
    HookRunner hooks = new HookRunner();
    ApplicationMigration applications =
        new ApplicationMigration(
            run,
            new RestoreLauncher() {
              @Override
              public RestoreSummary restore(RestoreRun restore) throws Exception {
                return MigrationJobFactory.this.restore(restore, spool, targetTypes);
              }

              @Override
              public void readLedger(RestoreRun restore, LedgerConsumer consumer)
                  throws IOException {
                restores.readLedger(restore, completed(restore), consumer);
              }
            },
            karmada(run, target),
            new ReadinessWait(
                new AvailabilityProbe(target),
                clock,
                Sleeper.SYSTEM,
                readiness.pollInterval(),
                readiness.shortageGrace()),
            targetApplier,
            targetTypes,
            hooks,
            restore -> RestoreRollbacks.counts(rollbacks.run(failedRollback(run, restore))),
            clock);
    SimpleJobBuilder job =
        new JobBuilder(JOB_NAME, jobRepository)
            .listener(sourceSpool)
            .start(
                step(
                    "validate",
                    new ValidateMigrationTasklet(
                        run, store, () -> sourceTypes(run), targetApplier, targetTypes, clock)));
    if (run.online()) {
      job.next(
          new InnerJobStep(
              "restart-point",
              jobRepository,
              new RestartPointBackup(run, store, backups, starter, jobRepository)));
    }
    job.next(step("capacity", new CapacityTasklet(run, spool, target, targetTypes)));
    Step worker =
        new InnerJobStep(
            MigrationJobContext.APPLICATION_STEP,
            jobRepository,
            new ApplicationPartition(applications));
    for (int tier = 0; tier <= 3; tier++) {
      job.next(tierStep(tier, worker, run.plan().parallelism()));
    }
    return job.next(
            step(
                "cutover",
                new CutoverTasklet(
                    run,
                    spool,
                    () -> {
                      ApiClient source = connector.connect(run.sourceSettings()).apiClient();
                      return new SourceCutover(
                          ResourceApplier.live(source), new ResourceDiscovery(source).discover());
                    },
                    hooks,
                    jobRepository)))
        .next(step("report", new ReportTasklet(run, store, jobRepository, clock)))
        .build();
  }

  /**
   * The report of a finished run.
   *
   * @return empty when the run did not reach its end
   */
  public static Optional<MigrationReport> reportOf(JobExecution execution) {
    return MigrationJobContext.report(execution);
  }

  private ResourceCatalog sourceTypes(MigrationRun run) {
    return new ResourceDiscovery(connector.connect(run.sourceSettings()).apiClient()).discover();
  }

  /**
   * Runs an application's restore from the migration's spool of the backup and with the target's
   * types the migration discovered, or reads the summary of its finished run.
   */
  private RestoreSummary restore(RestoreRun run, SharedSpool spool, ResourceCatalog targetTypes)
      throws Exception {
    JobParameters parameters = run.toJobParameters();
    try {
      JobExecution execution =
          starter.run(restores.create(run, new RestoreProgress(), spool, targetTypes), parameters);
      if (execution.getStatus() != BatchStatus.COMPLETED) {
        throw new IllegalStateException(
            "restore '"
                + run.request().name()
                + "' "
                + execution.getStatus()
                + ": "
                + execution.getAllFailureExceptions().stream()
                    .map(Throwable::getMessage)
                    .findFirst()
                    .orElse("no reason recorded"));
      }
      return RestoreJobFactory.summaryOf(execution).orElseThrow();
    } catch (RunAlreadyCompletedException done) {
      return RestoreJobFactory.summaryOf(completed(run)).orElseThrow(() -> done);
    }
  }

  /** The rollback in the target of a failed application's restore, for {@code onFailure}. */
  private static RollbackRun failedRollback(MigrationRun run, String restore) {
    return new RollbackRun(
        restore,
        run.store(),
        run.targetKubeconfig(),
        run.plan().target().cluster().context(),
        run.qps(),
        run.burst(),
        RollbackRun.DEFAULT_CHUNK_SIZE,
        run.workFolder(),
        null);
  }

  /** The completed execution of an application's restore. */
  private JobExecution completed(RestoreRun run) {
    JobInstance instance =
        jobRepository.getJobInstance(RestoreJobFactory.JOB_NAME, run.toJobParameters());
    return (instance == null ? List.<JobExecution>of() : jobRepository.getJobExecutions(instance))
        .stream()
            .filter(execution -> execution.getStatus() == BatchStatus.COMPLETED)
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "restore '" + run.request().name() + "' has not completed"));
  }

  /** Karmada mode's adoption of each application by the member cluster; empty otherwise. */
  private Optional<KarmadaAdoption> karmada(MigrationRun run, ApiClient target) {
    return run.plan()
        .target()
        .karmadaMemberCluster()
        .map(
            member ->
                new KarmadaAdoption(
                    member, target, clock, Sleeper.SYSTEM, readiness.pollInterval()));
  }

  private Step tierStep(int tier, Step worker, int parallelism) {
    TierPartitioner partitioner = new TierPartitioner(tier);
    SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("migrate-tier" + tier + "-");
    threads.setConcurrencyLimit(parallelism);
    return new StepBuilder("tier-" + tier, jobRepository)
        .partitioner(MigrationJobContext.APPLICATION_STEP, partitioner)
        .step(worker)
        .taskExecutor(threads)
        .gridSize(parallelism)
        .listener(partitioner)
        .build();
  }

  private Step step(String name, Tasklet tasklet) {
    return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
  }
}
