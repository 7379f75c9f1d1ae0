package dev.tugboat.restore.migrate.rollback;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.restore.migrate.ApplicationPlan;
import dev.tugboat.restore.migrate.CutoverRecord;
import dev.tugboat.restore.migrate.InnerJobStep;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.migrate.cutover.CutoverAction;
import dev.tugboat.restore.migrate.cutover.CutoverOutcome;
import dev.tugboat.restore.migrate.cutover.SourceCutover;
import dev.tugboat.restore.migrate.cutover.VolumeRetention;
import dev.tugboat.restore.report.RestoreSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The {@code source} step of an online migration's rollback: each application the cutover touched
 * is put back, one per call of the tasklet so that each is its own restart point (a crash redoes at
 * most the one under way, whose work is then found done): quiesced workloads get their recorded
 * values back from their annotations; objects deleted at cutover are created again from the
 * restart-point backup, by a restore run as an inner job (so outside any transaction, like the
 * whole step), after the volumes the cutover kept are given back to their claims ({@link
 * VolumeRetention}) so that the restore binds each claim to its own volume again. Offline, or with
 * nothing cut over, there is nothing to do.
 */
final class SourceRollback implements InnerJobStep.Work {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  /** In the step's execution context: the applications put back so far, with their results. */
  static final String DONE = "migrationRollback.source";

  private static final Gson GSON = new Gson();

  private final Supplier<RollbackSubject> subject;
  private final MigrationRollbackRun run;
  private final BackupStore store;
  private final Supplier<SourceCluster> source;
  private final SourceRecreation recreation;
  private final JobRepository jobRepository;

  SourceRollback(
      Supplier<RollbackSubject> subject,
      MigrationRollbackRun run,
      BackupStore store,
      Supplier<SourceCluster> source,
      SourceRecreation recreation,
      JobRepository jobRepository) {
    this.subject = subject;
    this.run = run;
    this.store = store;
    this.source = source;
    this.recreation = recreation;
    this.jobRepository = jobRepository;
  }

  /** What was done to one application's source. */
  record SourceResult(String application, long unquiesced, long recreated, List<String> failures) {}

  /** The results kept in the step's context, one per application done. */
  private record Done(List<SourceResult> results) {}

  @Override
  public void run(StepExecution step) throws Exception {
    RollbackSubject rolledBack = subject.get();
    MigrationRun migration = rolledBack.migration();
    ExecutionContext context = step.getExecutionContext();
    List<SourceResult> done =
        context.containsKey(DONE)
            ? new ArrayList<>(GSON.fromJson(context.getString(DONE), Done.class).results())
            : new ArrayList<>();
    List<CutoverRecord> cutover = migration.online() ? rolledBack.records().cutover() : List.of();
    for (int next = done.size(); next < cutover.size(); next++) {
      done.add(putBack(migration, cutover.get(next)));
      context.putString(DONE, GSON.toJson(new Done(done)));
      jobRepository.updateExecutionContext(step);
    }
    ExecutionContext job = step.getJobExecution().getExecutionContext();
    List<ApplicationRollback> applications = new ArrayList<>(RollbackJobContext.applications(job));
    for (SourceResult result : done) {
      int index = indexOf(applications, result.application());
      ApplicationRollback application = applications.get(index);
      applications.set(
          index,
          application.withSource(result.unquiesced(), result.recreated(), result.failures()));
    }
    RollbackJobContext.saveApplications(job, applications);
  }

  private static int indexOf(List<ApplicationRollback> applications, String name) {
    for (int index = 0; index < applications.size(); index++) {
      if (applications.get(index).name().equals(name)) {
        return index;
      }
    }
    throw new IllegalStateException("application '" + name + "' was cut over but has no restore");
  }

  private SourceResult putBack(MigrationRun migration, CutoverRecord record) throws Exception {
    long quiesced =
        count(record, CutoverOutcome.QUIESCED) + count(record, CutoverOutcome.ALREADY_QUIESCED);
    long deleted = count(record, CutoverOutcome.DELETED);
    List<String> failures = new ArrayList<>();
    long unquiesced = 0;
    long recreated = 0;
    long volumes = 0;
    if (run.dryRun()) {
      unquiesced = quiesced;
      recreated = deleted;
    } else {
      if (quiesced > 0) {
        List<CutoverAction> actions =
            new SourceCutover(source.get().applier(), source.get().types())
                .unquiesce(objectsOf(migration, record.application()));
        unquiesced = actions.stream().filter(a -> a.outcome() == CutoverOutcome.UNQUIESCED).count();
        failures.addAll(failuresOf(actions));
      }
      if (deleted > 0) {
        // before the claims are created again, so that each binds to its own volume
        List<CutoverAction> givenBack =
            new VolumeRetention(source.get().applier(), source.get().types())
                .giveBack(objectsOf(migration, record.application()));
        volumes = givenBack.stream().filter(a -> a.outcome() == CutoverOutcome.GIVEN_BACK).count();
        failures.addAll(failuresOf(givenBack));
        RestoreSummary summary =
            recreation.recreate(migration, plan(migration, record.application()));
        recreated = summary.count("created");
        if (summary.errors() > 0) {
          failures.add(
              "source: restore "
                  + summary.name()
                  + " "
                  + summary.phase()
                  + " with "
                  + summary.errors()
                  + " errors; see `tugboat restore describe "
                  + summary.name()
                  + " --details`");
        }
      }
    }
    RUNBOOK.info(
        "{} {}: {}source put back: {} unquiesced, {} recreated, {} volumes given back",
        migration.id(),
        record.application(),
        run.dryRun() ? "(dry run) " : "",
        unquiesced,
        recreated,
        volumes);
    return new SourceResult(record.application(), unquiesced, recreated, failures);
  }

  private List<JsonObject> objectsOf(MigrationRun migration, String application)
      throws IOException {
    Map<String, List<SnapshotObject>> snapshot = SnapshotObjects.read(migration, store);
    return snapshot.getOrDefault(application, List.of()).stream()
        .map(SnapshotObject::object)
        .toList();
  }

  private ApplicationPlan plan(MigrationRun migration, String application) {
    return subject.get().records().applications().stream()
        .filter(plan -> plan.name().equals(application))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "application '" + application + "' of " + migration.id() + " has no plan"));
  }

  private static List<String> failuresOf(List<CutoverAction> actions) {
    return actions.stream()
        .filter(action -> action.outcome() == CutoverOutcome.FAILED)
        .map(
            action ->
                "source "
                    + action.kind()
                    + " "
                    + (action.namespace() == null ? "" : action.namespace() + "/")
                    + action.name()
                    + ": "
                    + action.detail())
        .toList();
  }

  private static long count(CutoverRecord record, CutoverOutcome outcome) {
    return record.actions().stream().filter(action -> action.outcome() == outcome).count();
  }
}
