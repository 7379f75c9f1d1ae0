package dev.tugboat.restore.migrate.rollback;

import dev.tugboat.core.jobs.CrashPoint;
import dev.tugboat.restore.ledger.LedgerEntry;
import dev.tugboat.restore.migrate.InnerJobStep;
import dev.tugboat.restore.migrate.MigrationRun;
import dev.tugboat.restore.migrate.RestoreRollbacks;
import dev.tugboat.restore.migrate.karmada.KarmadaException;
import dev.tugboat.restore.rollback.RollbackJobFactory;
import dev.tugboat.restore.rollback.RollbackReport;
import dev.tugboat.restore.rollback.RollbackRun;
import dev.tugboat.restore.rollback.UndoResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The {@code target} step: each application's restore rolled back, in {@link RollbackOrder}, each
 * as an inner job of its own (a crash resumes it; one that finished is read back); in Karmada mode,
 * the application's policies are released first. The result of each application is kept in the job
 * as soon as it is known.
 */
final class TargetRollback implements InnerJobStep.Work {

  private static final Logger RUNBOOK = LoggerFactory.getLogger("dev.tugboat.migration");

  /** Where a test may crash the process: after each application's target is rolled back. */
  static final String CRASH_POINT = "migration-rollback.application";

  private final Supplier<RollbackSubject> subject;
  private final MigrationRollbackRun run;
  private final RestoreRollbacks rollbacks;
  private final RestoreLedgers ledgers;
  private final Supplier<Optional<KarmadaRelease>> karmada;

  TargetRollback(
      Supplier<RollbackSubject> subject,
      MigrationRollbackRun run,
      RestoreRollbacks rollbacks,
      RestoreLedgers ledgers,
      Supplier<Optional<KarmadaRelease>> karmada) {
    this.subject = subject;
    this.run = run;
    this.rollbacks = rollbacks;
    this.ledgers = ledgers;
    this.karmada = karmada;
  }

  @Override
  public void run(StepExecution step) throws Exception {
    RollbackSubject rolledBack = subject.get();
    MigrationRun migration = rolledBack.migration();
    Optional<KarmadaRelease> release = karmada.get();
    ExecutionContext job = step.getJobExecution().getExecutionContext();
    List<ApplicationRollback> done = new ArrayList<>();
    for (RestoredApplication application : RollbackOrder.of(rolledBack.restored())) {
      String released = "";
      if (release.isPresent()) {
        released = release(release.get(), migration.id(), application);
      }
      RollbackRun restoreRollback = restoreRollback(migration, application.restore());
      RollbackReport report = rollbacks.run(restoreRollback);
      if (run.dryRun()) {
        RollbackJobFactory.discardDryRun(restoreRollback);
      }
      RUNBOOK.info(
          "{} {}: {}rolled back restore {} in the target: {}",
          migration.id(),
          application.name(),
          run.dryRun() ? "(dry run) " : "",
          application.restore(),
          RestoreRollbacks.counts(report));
      done.add(
          new ApplicationRollback(
              application.name(),
              application.tier(),
              application.restore(),
              counts(report),
              released,
              0,
              0,
              failures(report)));
      RollbackJobContext.saveApplications(job, done);
      CrashPoint.reach(CRASH_POINT);
    }
    RollbackJobContext.saveApplications(job, done);
  }

  private String release(KarmadaRelease release, String migration, RestoredApplication application)
      throws Exception {
    List<LedgerEntry> ledger = ledgers.read(application.restore());
    if (run.dryRun()) {
      return release.wouldRelease(migration, application.name(), ledger);
    }
    try {
      String released = release.release(migration, application.name(), ledger);
      RUNBOOK.info("{} {}: released from Karmada: {}", migration, application.name(), released);
      return released;
    } catch (KarmadaException e) {
      throw new IllegalStateException(
          "releasing application '" + application.name() + "' from Karmada: " + e.getMessage(), e);
    }
  }

  private RollbackRun restoreRollback(MigrationRun migration, String restore) {
    return new RollbackRun(
        restore,
        migration.store(),
        migration.targetKubeconfig(),
        migration.plan().target().cluster().context(),
        migration.qps(),
        migration.burst(),
        RollbackRun.DEFAULT_CHUNK_SIZE,
        migration.workFolder(),
        run.dryRunId());
  }

  private static Map<String, Long> counts(RollbackReport report) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (UndoResult result : UndoResult.values()) {
      counts.put(result.word(), report.count(result));
    }
    return counts;
  }

  private static List<String> failures(RollbackReport report) {
    return report.outcomes().stream()
        .filter(outcome -> outcome.result() == UndoResult.FAILED)
        .map(
            outcome ->
                "target "
                    + outcome.kind()
                    + " "
                    + (outcome.namespace().isEmpty() ? "" : outcome.namespace() + "/")
                    + outcome.name()
                    + ": "
                    + outcome.reason())
        .toList();
  }
}
