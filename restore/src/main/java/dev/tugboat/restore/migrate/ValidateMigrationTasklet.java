package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import dev.tugboat.core.cluster.ApplyOutcome;
import dev.tugboat.core.cluster.ApplyResult;
import dev.tugboat.core.cluster.ResourceApplier;
import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.capacity.plan.MigrationMode;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import dev.tugboat.restore.source.BackupSource;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The migration's first step (issue 7 step 1): nothing is written until both clusters answer, an
 * offline source's backup exists, and no target namespace is being deleted. Whether the target
 * serves every kind is checked against the backup, in the capacity step.
 */
final class ValidateMigrationTasklet implements Tasklet {

  private final MigrationRun run;
  private final BackupStore store;
  private final Supplier<ResourceCatalog> sourceTypes;
  private final ResourceApplier target;
  private final ResourceCatalog targetTypes;
  private final Clock clock;

  /**
   * @param sourceTypes discovers the online source; not called offline
   */
  ValidateMigrationTasklet(
      MigrationRun run,
      BackupStore store,
      Supplier<ResourceCatalog> sourceTypes,
      ResourceApplier target,
      ResourceCatalog targetTypes,
      Clock clock) {
    this.run = run;
    this.store = store;
    this.sourceTypes = sourceTypes;
    this.target = target;
    this.targetTypes = targetTypes;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    if (run.plan().mode() == MigrationMode.KARMADA) {
      throw new IllegalArgumentException(
          "Karmada mode (target.karmada) is not supported yet: Tugboat would restore the"
              + " applications into the control plane without PropagationPolicies");
    }
    if (run.online()) {
      sourceTypes.get();
    } else {
      // Throws BackupNotFoundException naming the backup and the store.
      BackupSource.published(store, run.sourceBackup());
    }
    ApiResource namespaces =
        targetTypes
            .find("", "namespaces")
            .orElseThrow(() -> new IllegalStateException("the target serves no namespaces"));
    for (String namespace : targetNamespaces()) {
      ApplyResult found = target.get(namespaces, null, namespace);
      if (found.outcome() == ApplyOutcome.FOUND && terminating(found.object())) {
        throw new IllegalArgumentException(
            "target namespace '" + namespace + "' is being deleted; wait until it is gone");
      }
      if (!found.isSuccess() && found.outcome() != ApplyOutcome.NOT_FOUND) {
        throw new IllegalStateException(
            "cannot read target namespace '"
                + namespace
                + "': HTTP "
                + found.httpStatus()
                + ": "
                + found.message());
      }
    }
    chunkContext
        .getStepContext()
        .getStepExecution()
        .getJobExecution()
        .getExecutionContext()
        .putString(MigrationJobContext.STARTED, clock.instant().toString());
    return RepeatStatus.FINISHED;
  }

  /** The namespaces the listed applications land in. */
  private Set<String> targetNamespaces() {
    Set<String> namespaces = new TreeSet<>();
    for (PlanApplication application : run.plan().applications()) {
      application
          .selector()
          .namespaces()
          .forEach(namespace -> namespaces.add(run.plan().targetNamespace(namespace)));
    }
    return namespaces;
  }

  private static boolean terminating(JsonObject namespace) {
    return JsonPaths.string(namespace, "metadata", "deletionTimestamp").isPresent()
        || JsonPaths.string(namespace, "status", "phase").filter("Terminating"::equals).isPresent();
  }
}
