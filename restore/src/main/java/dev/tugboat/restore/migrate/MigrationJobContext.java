package dev.tugboat.restore.migrate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import dev.tugboat.restore.capacity.planner.CapacityPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the migration's steps hand on to later steps and attempts through the job repository: the
 * start, the capacity plan, each application's plan and outcome, the cutover and the report.
 */
final class MigrationJobContext {

  static final String STARTED = "migration.started";
  static final String CAPACITY = "migration.capacity";
  static final String APPLICATIONS = "migration.applications";
  static final String CUTOVER = "migration.cutover";
  static final String CUTOVER_RESULT = "migration.cutoverResult";
  static final String REPORT = "migration.report";

  /** In an application's partition: its name, and its outcome once it ends. */
  static final String APPLICATION = "migration.application";

  static final String OUTCOME = "migration.outcome";

  /** The name prefix of the application partitions' steps: {@code application:shop}. */
  static final String APPLICATION_STEP = "application";

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private MigrationJobContext() {}

  static void saveApplications(ExecutionContext context, List<ApplicationPlan> applications) {
    context.putString(APPLICATIONS, GSON.toJson(applications));
  }

  /**
   * @throws IllegalStateException when the capacity step has not run
   */
  static List<ApplicationPlan> applications(ExecutionContext context) {
    if (!context.containsKey(APPLICATIONS)) {
      throw new IllegalStateException("the migration has no capacity plan: its step did not run");
    }
    return GSON.fromJson(
        context.getString(APPLICATIONS), new TypeToken<List<ApplicationPlan>>() {}.getType());
  }

  /**
   * @return empty in Karmada mode, which plans no room
   */
  static Optional<CapacityPlan> capacity(ExecutionContext context) {
    return context.containsKey(CAPACITY)
        ? Optional.of(GSON.fromJson(context.getString(CAPACITY), CapacityPlan.class))
        : Optional.empty();
  }

  static void saveCutover(ExecutionContext context, List<CutoverRecord> records, String result) {
    context.putString(CUTOVER, GSON.toJson(records));
    context.putString(CUTOVER_RESULT, result);
  }

  static List<CutoverRecord> cutover(ExecutionContext context) {
    return context.containsKey(CUTOVER)
        ? GSON.fromJson(
            context.getString(CUTOVER), new TypeToken<List<CutoverRecord>>() {}.getType())
        : List.of();
  }

  /**
   * The latest outcome of each application, over every execution of the job instance: an
   * application finished in an earlier attempt is not run again, but is still reported.
   */
  static Map<String, ApplicationOutcome> outcomes(
      JobRepository jobRepository, JobExecution jobExecution) {
    Map<String, StepExecution> last = new HashMap<>();
    for (JobExecution execution : jobRepository.getJobExecutions(jobExecution.getJobInstance())) {
      for (StepExecution step : execution.getStepExecutions()) {
        if (step.getExecutionContext().containsKey(OUTCOME)) {
          last.merge(
              step.getStepName(),
              step,
              (kept, other) -> other.getId() > kept.getId() ? other : kept);
        }
      }
    }
    Map<String, ApplicationOutcome> outcomes = new HashMap<>();
    last.values()
        .forEach(
            step -> {
              ApplicationOutcome outcome =
                  ApplicationOutcome.fromJson(step.getExecutionContext().getString(OUTCOME));
              outcomes.put(outcome.name(), outcome);
            });
    return outcomes;
  }

  /** The report of a finished run, kept in its job execution. */
  static Optional<MigrationReport> report(JobExecution execution) {
    String json = execution.getExecutionContext().getString(REPORT, null);
    return Optional.ofNullable(json).map(MigrationReport::parse);
  }
}
