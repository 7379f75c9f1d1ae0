package dev.tugboat.restore.migrate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * What a migration recorded in the job repository, finished or not: what its rollback reads.
 *
 * @param run the run, rebuilt from the job's parameters
 * @param applications the capacity plan's applications; empty when the capacity step did not run
 * @param outcomes each application's latest outcome over every attempt, by name
 * @param cutover what the cutover did to each application's source objects
 * @param report the report, once the migration reached its end
 */
public record MigrationRecords(
    MigrationRun run,
    List<ApplicationPlan> applications,
    Map<String, ApplicationOutcome> outcomes,
    List<CutoverRecord> cutover,
    Optional<MigrationReport> report) {

  public MigrationRecords {
    applications = List.copyOf(applications);
    outcomes = Map.copyOf(outcomes);
    cutover = List.copyOf(cutover);
  }

  /**
   * @param last the latest execution of the migration's job instance
   * @throws IllegalArgumentException when its parameters are not those of a migration run
   */
  public static MigrationRecords of(JobRepository jobRepository, JobExecution last) {
    var context = last.getExecutionContext();
    return new MigrationRecords(
        MigrationRun.fromJobParameters(last.getJobParameters()),
        context.containsKey(MigrationJobContext.APPLICATIONS)
            ? MigrationJobContext.applications(context)
            : List.of(),
        MigrationJobContext.outcomes(jobRepository, last),
        MigrationJobContext.cutover(context),
        MigrationJobContext.report(last));
  }

  /** The name of an application's restore, {@code <migration>-<application>}. */
  public String restoreOf(String application) {
    return ApplicationMigration.restoreName(run.id(), application);
  }
}
