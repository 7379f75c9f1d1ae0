package dev.tugboat.backup.job;

import dev.tugboat.backup.related.RelatedItems;
import dev.tugboat.backup.related.RelatedItemsCollector;
import dev.tugboat.backup.staging.StagedSegment;
import dev.tugboat.backup.staging.StagingArea;
import dev.tugboat.core.cluster.ResourceDiscovery;
import dev.tugboat.core.store.BackupStore;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step after listing: stages what the listed objects depend on (see {@link
 * RelatedItemsCollector}). It holds no position: after a failure it runs again from the start,
 * rewriting the same chunks.
 */
final class RelatedItemsTasklet implements Tasklet {

  /** The step's name. */
  static final String NAME = "related";

  private static final Logger log = LoggerFactory.getLogger(RelatedItemsTasklet.class);

  private final JobRepository jobRepository;
  private final ApiClient apiClient;
  private final BackupStore store;
  private final BackupRequest request;
  private final int chunkSize;

  RelatedItemsTasklet(
      JobRepository jobRepository,
      ApiClient apiClient,
      BackupStore store,
      BackupRequest request,
      int chunkSize) {
    this.jobRepository = jobRepository;
    this.apiClient = apiClient;
    this.store = store;
    this.request = request;
    this.chunkSize = chunkSize;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    StepExecution step = chunkContext.getStepContext().getStepExecution();
    JobExecution jobExecution = step.getJobExecution();
    BackupJobContext job = BackupJobContext.from(jobExecution.getExecutionContext());
    List<StagedSegment> segments =
        StagedPartitions.of(jobRepository, jobExecution, job).stream()
            .map(StagedPartitions.Outcome::segment)
            .toList();
    RelatedItems related =
        new RelatedItemsCollector(
                apiClient,
                new ResourceDiscovery(apiClient).discover(),
                request.selection(),
                request.includeClusterResources())
            .collect(
                StagingArea.ofBackup(store, request.name(), job.run()),
                segments,
                job.plan().namespaceObjects(),
                RelatedOutcome.SEGMENT,
                chunkSize);
    RelatedOutcome.of(related).saveTo(step.getExecutionContext());
    log.info(
        "Backup {}: {} related objects staged, {} problems",
        request.name(),
        related.items(),
        related.problems().size());
    return RepeatStatus.FINISHED;
  }
}
