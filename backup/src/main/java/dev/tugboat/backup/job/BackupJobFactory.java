package dev.tugboat.backup.job;

import dev.tugboat.backup.collect.ListPartitionStep;
import dev.tugboat.core.cluster.ClusterConnection;
import dev.tugboat.core.cluster.ClusterConnector;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BackupStores;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the backup job for one run: cluster to store in four steps, each a restart point.
 *
 * <ol>
 *   <li>{@code plan}: discovery, the namespace LIST and the plan, saved in the job;
 *   <li>{@code list}: the plan's partitions, {@code parallelism} at a time, each streaming its LIST
 *       into its own staged segment ({@code list:<partition key>});
 *   <li>{@code related}: what the staged items depend on (Namespace objects, PVs, CRDs, ...);
 *   <li>{@code publish}: the archive, the resource list, results and logs, then {@code
 *       velero-backup.json}.
 * </ol>
 *
 * <p>The job is built from the run's parameters and connects when built, so the same run can be
 * rebuilt from the job repository to be restarted.
 */
public final class BackupJobFactory {

  /** The job's name in the job repository. */
  public static final String JOB_NAME = "backup";

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final ClusterConnector connector;
  private final Clock clock;

  public BackupJobFactory(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ClusterConnector connector,
      Clock clock) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.connector = connector;
    this.clock = clock;
  }

  /**
   * @throws dev.tugboat.core.cluster.ClusterAccessException when the cluster cannot be reached
   * @throws IllegalArgumentException when the store URI is invalid
   */
  public Job create(BackupRun run, BackupProgress progress) {
    ClusterConnection cluster = connector.connect(run.clusterSettings());
    ApiClient api = cluster.apiClient();
    BackupStore store = BackupStores.open(run.store());
    BackupRequest request = run.request();

    ListPartitionStep worker =
        new ListPartitionStep(
            jobRepository,
            transactionManager,
            api,
            store,
            request.name(),
            request.selection(),
            run.pageSize(),
            progress);
    PlanPartitioner partitioner = new PlanPartitioner(progress);
    SimpleAsyncTaskExecutor partitionThreads = new SimpleAsyncTaskExecutor("backup-list-");
    partitionThreads.setConcurrencyLimit(run.parallelism());
    PlanOrderPartitionHandler partitionHandler = new PlanOrderPartitionHandler();
    partitionHandler.setStep(worker);
    partitionHandler.setTaskExecutor(partitionThreads);
    partitionHandler.setGridSize(run.parallelism());
    Step list =
        new StepBuilder("list", jobRepository)
            .partitioner(ListPartitionStep.NAME, partitioner)
            .partitionHandler(partitionHandler)
            .listener(partitioner)
            .build();

    return new JobBuilder(JOB_NAME, jobRepository)
        .start(tasklet("plan", new PlanTasklet(api, request, clock)))
        .next(list)
        .next(
            tasklet(
                RelatedItemsTasklet.NAME,
                phase(
                    BackupProgress.Phase.COLLECTING_RELATED,
                    progress,
                    new RelatedItemsTasklet(jobRepository, api, store, request, run.pageSize()))))
        .next(
            tasklet(
                "publish",
                phase(
                    BackupProgress.Phase.PUBLISHING,
                    progress,
                    new PublishTasklet(jobRepository, store, request, clock))))
        .build();
  }

  private Step tasklet(String name, Tasklet tasklet) {
    return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
  }

  /** The tasklet, telling the progress which phase the backup is in when it starts. */
  private static Tasklet phase(
      BackupProgress.Phase phase, BackupProgress progress, Tasklet tasklet) {
    return (contribution, chunkContext) -> {
      progress.enter(phase);
      return tasklet.execute(contribution, chunkContext);
    };
  }
}
