package dev.tugboat.restore.migrate;

import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.plan.Cutover;
import dev.tugboat.restore.capacity.plan.HookPoint;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.migrate.cutover.CutoverAction;
import dev.tugboat.restore.migrate.cutover.CutoverOutcome;
import dev.tugboat.restore.migrate.cutover.SourceCutover;
import dev.tugboat.restore.migrate.hooks.HookContext;
import dev.tugboat.restore.migrate.hooks.HookResult;
import dev.tugboat.restore.migrate.hooks.HookRunner;
import dev.tugboat.restore.source.SharedSpool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The cutover of the source (issue 7 step 7), once every tier is done: per the plan, nothing,
 * quiesce (scale to 0, suspend, with the originals in annotations) or delete (orphan propagation,
 * controllers first), and only for the applications that run in the target. Never offline: the
 * source may be gone, and the plan's backup is all there is of it. The hooks around it run first
 * and last; a failing before-hook cancels the cutover.
 */
final class CutoverTasklet implements Tasklet {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  private final MigrationRun run;
  private final SharedSpool spool;
  private final Supplier<SourceCutover> source;
  private final HookRunner hooks;
  private final JobRepository jobRepository;

  CutoverTasklet(
      MigrationRun run,
      SharedSpool spool,
      Supplier<SourceCutover> source,
      HookRunner hooks,
      JobRepository jobRepository) {
    this.run = run;
    this.spool = spool;
    this.source = source;
    this.hooks = hooks;
    this.jobRepository = jobRepository;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
    MigrationPlan plan = run.plan();
    if (!run.online() || plan.cutover() == Cutover.NONE) {
      MigrationJobContext.saveCutover(
          jobExecution.getExecutionContext(),
          List.of(),
          run.online()
              ? "none, as planned"
              : "none: an offline migration never touches the source");
      return RepeatStatus.FINISHED;
    }
    List<String> ready = new ArrayList<>();
    MigrationJobContext.outcomes(jobRepository, jobExecution)
        .forEach(
            (name, outcome) -> {
              if (outcome.status().runsInTarget()) {
                ready.add(name);
              }
            });
    ready.sort(null);
    HookResult before =
        hooks.runAll(
            plan.hooks().at(HookPoint.BEFORE_CUTOVER), HookContext.beforeCutover(run.id()));
    if (!before.succeeded()) {
      MigrationJobContext.saveCutover(
          jobExecution.getExecutionContext(), List.of(), "failed: " + before.summary());
      return RepeatStatus.FINISHED;
    }
    List<CutoverRecord> records = new ArrayList<>();
    Map<String, List<JsonObject>> objects = objectsOf(ready);
    SourceCutover cutover = source.get();
    int failed = 0;
    for (String application : ready) {
      List<JsonObject> mine = objects.getOrDefault(application, List.of());
      List<CutoverAction> actions =
          plan.cutover() == Cutover.QUIESCE ? cutover.quiesce(mine) : cutover.delete(mine);
      failed += (int) actions.stream().filter(a -> a.outcome() == CutoverOutcome.FAILED).count();
      RUNBOOK.info(
          "{} {}: cutover {}: {} objects",
          run.id(),
          application,
          plan.cutover().yamlName(),
          actions.size());
      records.add(new CutoverRecord(application, actions));
    }
    String result =
        (failed == 0 ? "" : "failed for " + failed + " objects; ")
            + plan.cutover().yamlName()
            + " of "
            + ready.size()
            + " applications";
    HookResult after =
        hooks.runAll(
            plan.hooks().at(HookPoint.AFTER_CUTOVER),
            HookContext.afterCutover(run.id(), failed == 0 ? "Completed" : "Failed"));
    if (!after.succeeded()) {
      result = "failed: " + after.summary() + "; " + result;
    }
    MigrationJobContext.saveCutover(jobExecution.getExecutionContext(), records, result);
    return RepeatStatus.FINISHED;
  }

  /** The namespaced objects of each application in the backup, as backed up. */
  private Map<String, List<JsonObject>> objectsOf(List<String> applications) throws IOException {
    Map<String, List<JsonObject>> objects = new HashMap<>();
    if (applications.isEmpty()) {
      return objects;
    }
    ClaimedObjects.read(
        run.plan(),
        spool.get(),
        (application, groupResource, object) -> {
          if (applications.contains(application)) {
            objects.computeIfAbsent(application, name -> new ArrayList<>()).add(object);
          }
        });
    return objects;
  }
}
