package dev.tugboat.restore.migrate.rollback;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the rollback's steps hand on to later steps and attempts through the job's execution
 * context: the start, each application's result as it grows, and the report.
 */
final class RollbackJobContext {

  static final String STARTED = "migrationRollback.started";
  static final String APPLICATIONS = "migrationRollback.applications";
  static final String REPORT = "migrationRollback.report";

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private RollbackJobContext() {}

  static void saveApplications(ExecutionContext context, List<ApplicationRollback> applications) {
    context.putString(APPLICATIONS, GSON.toJson(applications));
  }

  /** The applications rolled back so far, in order; none before the target step. */
  static List<ApplicationRollback> applications(ExecutionContext context) {
    return context.containsKey(APPLICATIONS)
        ? GSON.fromJson(
            context.getString(APPLICATIONS),
            new TypeToken<ArrayList<ApplicationRollback>>() {}.getType())
        : List.of();
  }

  static Optional<MigrationRollbackReport> report(ExecutionContext context) {
    return Optional.ofNullable(context.getString(REPORT, null)).map(MigrationRollbackReport::parse);
  }
}
