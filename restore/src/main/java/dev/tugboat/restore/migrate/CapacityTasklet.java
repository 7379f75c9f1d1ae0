package dev.tugboat.restore.migrate;

import dev.tugboat.core.cluster.ResourceCatalog;
import dev.tugboat.core.selection.ResourcePattern;
import dev.tugboat.restore.capacity.CapacityAnalysis;
import dev.tugboat.restore.capacity.plan.InsufficientCapacityAction;
import dev.tugboat.restore.capacity.plan.MigrationMode;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import dev.tugboat.restore.capacity.planner.Verdict;
import dev.tugboat.restore.capacity.snapshot.SourceObjects;
import dev.tugboat.restore.plan.RestoreSkips;
import dev.tugboat.restore.source.SharedSpool;
import dev.tugboat.restore.source.SpooledBackup;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The migration's capacity plan (issue 7 step 3), made once from the backup the applications are
 * restored from and a snapshot of the target, and kept in the job: a resumed run migrates exactly
 * what was planned. First it checks that the target serves every type the applications hold, or
 * that the backup brings its CustomResourceDefinition along.
 *
 * <p>{@code abort} stops here unless everything fits as it is, {@code downgrade} unless it fits
 * with the ladder's downgrade; {@code partial} goes on with what fits. Karmada mode plans no room:
 * the applications already run in the member cluster, and Karmada adopts them there.
 */
final class CapacityTasklet implements Tasklet {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");
  private static final String CRDS = "customresourcedefinitions.apiextensions.k8s.io";

  private final MigrationRun run;
  private final SharedSpool spool;
  private final ApiClient target;
  private final ResourceCatalog targetTypes;

  CapacityTasklet(
      MigrationRun run, SharedSpool spool, ApiClient target, ResourceCatalog targetTypes) {
    this.run = run;
    this.spool = spool;
    this.target = target;
    this.targetTypes = targetTypes;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    MigrationPlan plan = run.plan();
    ExecutionContext job =
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    SpooledBackup backup = spool.get();
    requireServedTypes(backup);
    if (plan.mode() == MigrationMode.KARMADA) {
      RUNBOOK.info(
          "{}: capacity not checked: in Karmada mode the applications already run in {}",
          run.id(),
          plan.target().karmadaMemberCluster().orElseThrow());
      MigrationJobContext.saveApplications(job, ApplicationPlan.adopted(plan));
      return RepeatStatus.FINISHED;
    }
    SourceObjects source = CapacityAnalysis.readSource(plan, backup);
    CapacityPlan capacity = CapacityAnalysis.plan(plan, source, target);
    RUNBOOK.info(
        "{}: capacity {}: {} of {} planned replicas placed, {} ladder steps",
        run.id(),
        capacity.verdict(),
        capacity.placedReplicas(),
        capacity.plannedReplicas(),
        capacity.steps().size());
    job.putString(MigrationJobContext.CAPACITY, capacity.toJson());
    MigrationJobContext.saveApplications(job, ApplicationPlan.of(plan, capacity));
    refuseWhenItDoesNotFit(plan.onInsufficientCapacity(), capacity.verdict());
    return RepeatStatus.FINISHED;
  }

  private static void refuseWhenItDoesNotFit(InsufficientCapacityAction action, Verdict verdict) {
    if (verdict.stopsMigrationUnder(action)) {
      throw new CapacityShortfallException(
          "the applications do not fit in the target"
              + (verdict == Verdict.FITS_WITH_DOWNGRADE ? " without the downgrade" : "")
              + " and the plan says onInsufficientCapacity: "
              + action.yamlName()
              + "; nothing was written to the target. See `tugboat capacity --plan ...`");
    }
  }

  /**
   * Refuses a migration whose applications hold a namespaced type the target does not serve and
   * whose definition the backup does not bring: its objects could only fail.
   */
  private void requireServedTypes(SpooledBackup backup) throws IOException {
    Set<String> namespaces = CapacityAnalysis.sourceNamespaces(run.plan());
    Set<String> definitions = new HashSet<>();
    if (backup.groupResources().containsKey(CRDS)) {
      backup.read(CRDS, item -> definitions.add(item.name()));
    }
    List<ResourcePattern> excluded = run.plan().excludedResourcePatterns();
    List<String> missing = new ArrayList<>();
    for (String groupResource : backup.groupResources().keySet()) {
      if (RestoreSkips.isNeverRestored(groupResource)
          || targetTypes.forGroupResource(groupResource).isPresent()
          || definitions.contains(groupResource)) {
        continue;
      }
      AtomicBoolean held = new AtomicBoolean();
      backup.read(
          groupResource,
          item -> {
            boolean inScope =
                !item.namespace().isEmpty()
                    && (namespaces.isEmpty() || namespaces.contains(item.namespace()));
            if (inScope && excluded.stream().noneMatch(pattern -> pattern.matches(item.type()))) {
              held.set(true);
            }
          });
      if (held.get()) {
        missing.add(groupResource);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the target does not serve "
              + String.join(", ", missing)
              + ", and the backup has no CustomResourceDefinition for "
              + (missing.size() == 1 ? "it" : "them")
              + "; install "
              + (missing.size() == 1 ? "it" : "them")
              + " in the target or add "
              + (missing.size() == 1 ? "it" : "them")
              + " to excludedResources");
    }
  }

  /** The type of an item the target does not serve, as the backup names it. */
}
