package dev.tugboat.backup.collect;

import com.google.gson.JsonObject;
import dev.tugboat.backup.plan.BackupPlanJson;
import dev.tugboat.backup.plan.ListPartition;
import dev.tugboat.backup.staging.StagedItem;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.PagedListReader;
import dev.tugboat.core.selection.Selection;
import dev.tugboat.core.store.BackupStore;
import io.kubernetes.client.openapi.ApiClient;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker of the partitioned list step: streams one partition's LIST, page by page, through
 * {@link ItemAdmission} into its staged segment, one chunk per page, committing the reader's
 * position and the segment's chunk count together. A restarted partition goes on from its last
 * commit.
 *
 * <p>Everything a partition needs is in its execution context ({@link #describe}), so the worker
 * shares no state with the others and a restart in another process needs nothing else. A chunk step
 * is built for each partition because its reader and writer hold that partition's position.
 */
public final class ListPartitionStep implements Step {

  /** The step's name; partitions are named {@code list:<partition key>}. */
  public static final String NAME = "list";

  private static final String PARTITION_KEY = "partition";
  private static final String SEGMENT_KEY = "segment";
  private static final String RUN_KEY = "run";

  private final JobRepository jobRepository;
  private final PlatformTransactionManager transactionManager;
  private final ApiClient apiClient;
  private final BackupStore store;
  private final String backup;
  private final Selection selection;
  private final int pageSize;
  private final StagingProgress progress;

  /**
   * @param backup the backup's name, which places the staging area in the store
   * @param selection the name and label filters items must pass
   * @param pageSize objects per LIST request, and per staged chunk
   */
  public ListPartitionStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      ApiClient apiClient,
      BackupStore store,
      String backup,
      Selection selection,
      int pageSize,
      StagingProgress progress) {
    this.jobRepository = jobRepository;
    this.transactionManager = transactionManager;
    this.apiClient = apiClient;
    this.store = store;
    this.backup = backup;
    this.selection = selection;
    this.pageSize = pageSize;
    this.progress = progress;
  }

  /**
   * The execution context a partition starts with.
   *
   * @param segment the staging segment the partition fills
   * @param run the run whose staging area holds the segment
   */
  public static ExecutionContext describe(ListPartition partition, String segment, String run) {
    ExecutionContext context = new ExecutionContext();
    context.putString(PARTITION_KEY, BackupPlanJson.write(partition));
    context.putString(SEGMENT_KEY, segment);
    context.putString(RUN_KEY, run);
    return context;
  }

  /** The segment a partition's context names. */
  public static String segmentOf(ExecutionContext context) {
    return context.getString(SEGMENT_KEY);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void execute(StepExecution stepExecution) throws JobInterruptedException {
    ExecutionContext context = stepExecution.getExecutionContext();
    ListPartition partition = BackupPlanJson.readPartition(context.getString(PARTITION_KEY));
    StagingArea staging = StagingArea.ofBackup(store, backup, context.getString(RUN_KEY));
    PagedListReader.Builder list =
        PagedListReader.builder("list", apiClient, partition.resource())
            .namespace(partition.namespaceToList())
            .pageSize(pageSize);
    selection
        .serverSideLabelSelector()
        .ifPresent(selector -> list.labelSelector(selector.toString()));
    new StepBuilder(stepExecution.getStepName(), jobRepository)
        .<JsonObject, StagedItem>chunk(pageSize)
        .transactionManager(transactionManager)
        .reader(new PartitionReader(list.build()))
        .processor(new ItemAdmission(partition, selection))
        .writer(new StagingWriter(staging, segmentOf(context), progress))
        .build()
        .execute(stepExecution);
    progress.partitionDone();
  }
}
