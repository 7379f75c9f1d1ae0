package dev.tugboat.backup.job;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.tugboat.backup.plan.BackupPlan;
import dev.tugboat.backup.plan.BackupPlanJson;
import dev.tugboat.core.cluster.ServerVersion;
import java.time.Instant;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the plan step decides once and every later step and attempt reads back from the job's
 * execution context: the run's id, its start, the cluster version and the plan. All plain text, so
 * that a later Tugboat version can read it.
 *
 * @param run a random id of this run, naming its staging area and marking the Backup object it
 *     publishes
 * @param started when the first attempt started: the backup's start, from which the TTL counts
 * @param serverVersion the backed-up cluster's version
 * @param plan the LISTs to make
 * @param discoveryWarnings API groups that discovery could not read, which the backup misses
 */
record BackupJobContext(
    String run,
    Instant started,
    ServerVersion serverVersion,
    BackupPlan plan,
    List<String> discoveryWarnings) {

  private static final Gson GSON = new Gson();
  private static final String RUN = "backup.run";
  private static final String STARTED = "backup.started";
  private static final String SERVER_VERSION = "backup.serverVersion";
  private static final String PLAN = "backup.plan";
  private static final String DISCOVERY_WARNINGS = "backup.discoveryWarnings";

  BackupJobContext {
    discoveryWarnings = List.copyOf(discoveryWarnings);
  }

  void saveTo(ExecutionContext context) {
    context.putString(RUN, run);
    context.putString(STARTED, started.toString());
    context.putString(SERVER_VERSION, GSON.toJson(serverVersion));
    context.putString(PLAN, BackupPlanJson.write(plan));
    context.putString(DISCOVERY_WARNINGS, GSON.toJson(discoveryWarnings));
  }

  /**
   * @throws IllegalStateException when the plan step has not saved the context
   */
  static BackupJobContext from(ExecutionContext context) {
    if (!context.containsKey(PLAN)) {
      throw new IllegalStateException(
          "the backup job has no saved plan: its plan step did not run");
    }
    return new BackupJobContext(
        context.getString(RUN),
        Instant.parse(context.getString(STARTED)),
        GSON.fromJson(context.getString(SERVER_VERSION), ServerVersion.class),
        BackupPlanJson.read(context.getString(PLAN)),
        GSON.fromJson(
            context.getString(DISCOVERY_WARNINGS), new TypeToken<List<String>>() {}.getType()));
  }
}
