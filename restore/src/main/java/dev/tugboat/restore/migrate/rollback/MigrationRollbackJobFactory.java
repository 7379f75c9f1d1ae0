package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.cluster.Sleeper;
import dev.tugboat.core.jobs.JobRunStarter;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import dev.tugboat.restore.job.RestoreJobFactory;
import dev.tugboat.restore.migrate.InnerJobStep;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.migrate.RestoreRollbacks;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackPhase;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the rollback job of one migration (issue 8), in four steps, each a restart point:
 *
 * <ol>
 *   <li>{@code check}: refuses a migration that is unknown, still running, or whose records are
 *       missing (see {@link MigrationToRollBack});
 *   <li>{@code target}: each application's restore rolled back as an inner job, sheddable tier
 *       first; in Karmada mode the application's policies are released first, so that the member
 *       cluster keeps its objects;
 *   <li>{@code source} (online): quiesced workloads unquiesced, objects deleted at cutover created
 *       again from the restart-point backup, an application per restart point;
 *   <li>{@code report}: the source compared with its snapshot, and the report.
 * </ol>
 */
public final class MigrationRollbackJobFactory {

  /** The job's name in the job repository. */
  public static final String JOB_NAME = "migration-rollback";

  /** The first step, whose failures mean the rollback was refused. */
  public static final String CHECK_STEP = "check";

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final JobRunStarter starter;
  private final RestoreJobFactory restores;
  private final RestoreRollbacks rollbacks;
  private final ClusterConnector connector;
  private final Clock clock;
  private final Duration pollInterval;

  /**
   * @param pollInterval how often Karmada's bindings are looked at while a release waits
   */
  public MigrationRollbackJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      JobRunStarter starter,
      RestoreJobFactory restores,
      RollbackJobFactory rollbacks,
      ClusterConnector connector,
      Clock clock,
      Duration pollInterval) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.starter = starter;
    this.restores = restores;
    this.rollbacks = new RestoreRollbacks(rollbacks, starter, jobRepository);
    this.connector = connector;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  /**
   * The rollback job of {@code run.migration()}; start it with {@code run.toJobParameters()}. No
   * cluster is reached until a step needs it.
   *
   * @throws IllegalArgumentException when the store URI is invalid
   */
  public Job create(MigrationRollbackRun run) {
    BackupStore store = BackupStores.open(run.store());
    Memo<RollbackSubject> subject =
        new Memo<>(() -> new MigrationToRollBack(jobRepository, store, run).find());
    Memo<SourceCluster> source =
        new Memo<>(
            () -> {
              ApiClient api =
                  connector.connect(subject.get().migration().sourceSettings()).apiClient();
              return new SourceCluster(
                  ResourceApplier.live(api), new ResourceDiscovery(api).discover());
            });
    Memo<Optional<KarmadaRelease>> karmada = new Memo<>(() -> karmada(subject.get().migration()));
    return new JobBuilder(JOB_NAME, jobRepository)
        .start(tasklet(CHECK_STEP, new CheckTasklet(subject, clock)))
        .next(
            new InnerJobStep(
                "target",
                jobRepository,
                new TargetRollback(
                    subject,
                    run,
                    rollbacks,
                    new RestoreLedgers(jobRepository, store, run.store()),
                    karmada)))
        .next(
            new InnerJobStep(
                "source",
                jobRepository,
                new SourceRollback(
                    subject,
                    run,
                    store,
                    source,
                    new SourceRecreation(restores, starter, jobRepository),
                    jobRepository)))
        .next(tasklet("report", new ReportTasklet(subject, run, store, source, clock)))
        .build();
  }

  /**
   * The report of a finished run, kept in its job execution.
   *
   * @return empty when the run did not reach its end
   */
  public static Optional<MigrationRollbackReport> reportOf(JobExecution execution) {
    return RollbackJobContext.report(execution.getExecutionContext());
  }

  /**
   * The phase of a migration's (real) rollback: {@code RolledBack} or {@code FailedRollback} once
   * it has a report, {@code RollingBack} while it runs or after a crash.
   *
   * @return empty when the migration was never rolled back
   */
  public static Optional<String> phaseOf(
      JobRepository jobRepository, String migration, String store) {
    JobInstance instance =
        jobRepository.getJobInstance(JOB_NAME, MigrationRollbackRun.identity(migration, store));
    JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
    if (last == null) {
      return Optional.empty();
    }
    return Optional.of(
        reportOf(last)
            .map(MigrationRollbackReport::phase)
            .orElse(RollbackPhase.ROLLING_BACK.displayName()));
  }

  /** The report of a migration's finished (real) rollback. */
  public static Optional<MigrationRollbackReport> lastReport(
      JobRepository jobRepository, String migration, String store) {
    JobInstance instance =
        jobRepository.getJobInstance(JOB_NAME, MigrationRollbackRun.identity(migration, store));
    JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
    return last == null ? Optional.empty() : reportOf(last);
  }

  private Optional<KarmadaRelease> karmada(MigrationRun migration) {
    return migration
        .plan()
        .target()
        .karmadaMemberCluster()
        .map(
            member ->
                new KarmadaRelease(
                    connector.connect(migration.targetSettings()).apiClient(),
                    member,
                    clock,
                    Sleeper.SYSTEM,
                    pollInterval,
                    migration.plan().readinessTimeout()));
  }

  private Step tasklet(String name, Tasklet tasklet) {
    return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
  }
}
