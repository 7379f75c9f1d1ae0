package dev.tugboat.restore.job;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.apply.PollingWait;
import dev.tugboat.restore.ledger.Disposition;
import dev.tugboat.restore.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Waits until every CustomResourceDefinition the restore created, updated or found in place is
 * Established, as Velero does before restoring anything else (velero.md 3.1): the custom resources
 * of later tiers need their types served. A definition that does not get there in time is an error
 * of the restore; its custom resources then fail on their own.
 */
final class AwaitCrdsTasklet implements Tasklet {

  /** Where the step keeps the definitions that were not Established in time, for the report. */
  static final String NOT_ESTABLISHED = "crds.notEstablished";

  static final String STEP = "await-crds";

  private final JobRepository jobRepository;
  private final ResourceApplier cluster;
  private final RestoreRun run;
  private final BackupStore store;
  private final PollingWait wait;

  AwaitCrdsTasklet(
      JobRepository jobRepository,
      ResourceApplier cluster,
      RestoreRun run,
      BackupStore store,
      PollingWait wait) {
    this.jobRepository = jobRepository;
    this.cluster = cluster;
    this.run = run;
    this.store = store;
    this.wait = wait;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    if (run.request().dryRun()) {
      return RepeatStatus.FINISHED;
    }
    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
    List<LedgerEntry> definitions = new ArrayList<>();
    RestoreJobFactory.ledger(run, store, job)
        .read(
            RestoreJobFactory.CRDS_STEP,
            LedgerCounts.of(jobRepository, job, RestoreJobFactory.CRDS_STEP).chunks(),
            entry -> {
              if (entry.disposition() != Disposition.FAILED
                  && entry.disposition() != Disposition.NOT_RESTORED
                  && entry.disposition() != Disposition.SKIPPED) {
                definitions.add(entry);
              }
            });
    List<String> notEstablished = new ArrayList<>();
    for (LedgerEntry definition : definitions) {
      ApiResource type = crdType(definition);
      // Usually established already: only then is the first pause worth it.
      if (!isEstablished(type, definition.name())
          && !wait.until(() -> isEstablished(type, definition.name()))) {
        notEstablished.add(definition.name());
      }
    }
    chunkContext
        .getStepContext()
        .getStepExecution()
        .getExecutionContext()
        .putString(NOT_ESTABLISHED, String.join(",", notEstablished));
    return RepeatStatus.FINISHED;
  }

  private boolean isEstablished(ApiResource type, String name) {
    ApplyResult found = cluster.get(type, null, name);
    if (found.outcome() != ApplyOutcome.FOUND) {
      return false;
    }
    JsonObject definition = found.object();
    for (JsonObject condition : JsonPaths.objects(definition, "status", "conditions")) {
      if (JsonPaths.string(condition, "type").filter("Established"::equals).isPresent()
          && JsonPaths.string(condition, "status").filter("True"::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static ApiResource crdType(LedgerEntry definition) {
    String version = definition.apiVersion().substring(definition.apiVersion().indexOf('/') + 1);
    return new ApiResource(
        "apiextensions.k8s.io",
        version,
        "customresourcedefinitions",
        "CustomResourceDefinition",
        false,
        Set.of("get"),
        List.of(),
        version);
  }
}
