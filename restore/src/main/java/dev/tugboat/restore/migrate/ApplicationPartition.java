package dev.tugboat.restore.migrate;

import dev.tugboat.core.jobs.CrashPoint;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Migrates the application of its partition and keeps the outcome in the partition's step
 * execution. An application that ends Failed still completes its step: the others go on, and a
 * resumed run does not retry it. One that could not finish (its restore failed, the target stopped
 * answering) fails the step, and a resumed run takes it up again.
 */
final class ApplicationPartition implements InnerJobStep.Work {

  /** Where a test may crash the process: after an application ends, before it is recorded. */
  static final String CRASH_POINT = "migration.application-done";

  private final ApplicationMigration migration;

  ApplicationPartition(ApplicationMigration migration) {
    this.migration = migration;
  }

  @Override
  public void run(StepExecution step) throws Exception {
    ExecutionContext partition = step.getExecutionContext();
    String name = partition.getString(MigrationJobContext.APPLICATION);
    ApplicationPlan application =
        MigrationJobContext.applications(step.getJobExecution().getExecutionContext()).stream()
            .filter(candidate -> candidate.name().equals(name))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no application '" + name + "' in the plan"));
    partition.putString(MigrationJobContext.OUTCOME, migration.migrate(application).toJson());
    // Done in the target, not yet recorded: a rerun checks the application again.
    CrashPoint.reach(CRASH_POINT);
  }
}
