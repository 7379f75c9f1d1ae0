package dev.tugboat.restore.migrate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The result of one application's migration, kept in its partition's step execution and written
 * into the report.
 *
 * @param name the application
 * @param tier 0 (core) to 3 (sheddable)
 * @param status how it ended
 * @param sourceReplicas its workloads' replicas in the source
 * @param plannedReplicas what the capacity plan gave it
 * @param finalReplicas the replicas its workloads are set to in the target at the end: what runs
 *     once it is Migrated or Degraded; 0 when deferred or never restored. A Failed application may
 *     run fewer
 * @param restore the restore that created its objects, {@code <migration>-<application>}; empty
 *     when none ran
 * @param attempts how many readiness checks ran (1 plus one per downgrade step)
 * @param decisions every step taken, in order
 * @param started when it started (ISO-8601)
 * @param finished when it ended (ISO-8601)
 * @param reason why it ended so: empty for Migrated
 */
public record ApplicationOutcome(
    String name,
    int tier,
    ApplicationStatus status,
    int sourceReplicas,
    int plannedReplicas,
    int finalReplicas,
    String restore,
    int attempts,
    List<Decision> decisions,
    String started,
    String finished,
    String reason) {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  public ApplicationOutcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(restore, "restore");
    decisions = List.copyOf(decisions);
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(reason, "reason");
  }

  String toJson() {
    return GSON.toJson(this);
  }

  static ApplicationOutcome fromJson(String json) {
    return GSON.fromJson(json, ApplicationOutcome.class);
  }
}
