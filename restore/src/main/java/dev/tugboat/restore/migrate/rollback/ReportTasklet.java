package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.rollback.RollbackPhase;
import dev.tugboat.restore.rollback.UndoResult;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: compares the source with its snapshot (online, not in a dry run), then writes the
 * report, whole, into the job and (not for a dry run) beside the migration's report in the store.
 */
final class ReportTasklet implements Tasklet {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  private final Supplier<RollbackSubject> subject;
  private final MigrationRollbackRun run;
  private final BackupStore store;
  private final Supplier<SourceCluster> source;
  private final Clock clock;

  ReportTasklet(
      Supplier<RollbackSubject> subject,
      MigrationRollbackRun run,
      BackupStore store,
      Supplier<SourceCluster> source,
      Clock clock) {
    this.subject = subject;
    this.run = run;
    this.store = store;
    this.source = source;
    this.clock = clock;
  }

  /** The key of a migration's rollback report in the store. */
  static String key(MigrationRun migration) {
    return StoreLayout.migrationReport(
        migration.sourceBackup(), migration.id() + "-rollback", "json");
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    MigrationRun migration = subject.get().migration();
    ExecutionContext job =
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    List<ApplicationRollback> applications = RollbackJobContext.applications(job);
    String snapshot;
    List<SnapshotDifference> differences = new ArrayList<>();
    if (run.dryRun()) {
      snapshot = "not compared: a dry run changes nothing";
    } else if (!migration.online()) {
      snapshot = "not compared: an offline migration never touches the source";
    } else {
      List<SnapshotObject> objects = new ArrayList<>();
      SnapshotObjects.read(migration, store).values().forEach(objects::addAll);
      SnapshotComparison.Result result =
          new SnapshotComparison(source.get().applier(), source.get().types()).compare(objects);
      differences.addAll(result.differences());
      snapshot =
          differences.isEmpty()
              ? "equal (" + result.compared() + " objects)"
              : differences.size() + " of " + result.compared() + " objects differ";
    }
    boolean failed =
        !differences.isEmpty()
            || applications.stream().anyMatch(application -> !application.failures().isEmpty());
    MigrationRollbackReport report =
        new MigrationRollbackReport(
            migration.id(),
            migration.plan().mode().name().toLowerCase(Locale.ROOT),
            (failed ? RollbackPhase.FAILED_ROLLBACK : RollbackPhase.ROLLED_BACK).displayName(),
            run.dryRun(),
            job.getString(RollbackJobContext.STARTED),
            clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
            applications,
            snapshot,
            differences);
    if (!run.dryRun()) {
      store.write(key(migration), report);
    }
    job.putString(RollbackJobContext.REPORT, report.toJson());
    RUNBOOK.info(
        "{}: {}{}: {} deleted, {} put back, {} left alone, {} failed in the target; source {}",
        migration.id(),
        run.dryRun() ? "(dry run) " : "",
        report.phase(),
        report.count(UndoResult.DELETED.word()),
        report.count(UndoResult.PUT_BACK.word()),
        report.count(UndoResult.LEFT_ALONE.word()),
        report.count(UndoResult.FAILED.word()),
        snapshot);
    return RepeatStatus.FINISHED;
  }
}
