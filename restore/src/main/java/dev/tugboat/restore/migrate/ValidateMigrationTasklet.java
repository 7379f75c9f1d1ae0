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
import dev.tugboat.restore.capacity.plan.MigrationPlan;
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
 * offline source's backup exists, and no target namespace is being deleted; in Karmada mode, the
 * target is a control plane that knows the member cluster. Whether the target serves every kind is
 * checked against the backup, in the capacity step.
 */
final class ValidateMigrationTasklet implements Tasklet {

  private static final String KARMADA_POLICIES = "policy.karmada.io";
  private static final String KARMADA_CLUSTERS = "cluster.karmada.io";

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
      requireKarmada(run.plan().target().karmadaMemberCluster().orElseThrow());
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

  /**
   * Karmada mode adopts the member cluster's objects where they are: the target must be a Karmada
   * control plane knowing the member, and the templates keep the objects' namespaces and names.
   */
  private void requireKarmada(String member) {
    MigrationPlan plan = run.plan();
    if (!plan.namespaceMappings().isEmpty()) {
      throw new IllegalArgumentException(
          "namespaceMappings must be empty in Karmada mode: Karmada adopts the member cluster's"
              + " objects by namespace and name");
    }
    if (plan.grouping().isPresent()) {
      throw new IllegalArgumentException(
          "Karmada mode needs its applications listed: grouping is not supported there");
    }
    if (targetTypes.find(KARMADA_POLICIES, "propagationpolicies").isEmpty()) {
      throw new IllegalArgumentException(
          "the target serves no PropagationPolicies ("
              + KARMADA_POLICIES
              + "): in Karmada mode target.context must name a Karmada control plane");
    }
    ApiResource clusters =
        targetTypes
            .find(KARMADA_CLUSTERS, "clusters")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the target serves no Clusters (" + KARMADA_CLUSTERS + ")"));
    ApplyResult found = target.get(clusters, null, member);
    if (found.outcome() == ApplyOutcome.NOT_FOUND) {
      throw new IllegalArgumentException(
          "member cluster '" + member + "' is not registered in the Karmada control plane");
    }
    if (!found.isSuccess()) {
      throw new IllegalStateException(
          "cannot read member cluster '"
              + member
              + "': HTTP "
              + found.httpStatus()
              + ": "
              + found.message());
    }
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
