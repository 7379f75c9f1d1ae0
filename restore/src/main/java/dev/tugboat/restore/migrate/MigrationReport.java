package dev.tugboat.restore.migrate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a migration did, application by application: kept in the job repository and written as
 * {@code tugboat-migration-<id>.json} beside the backup it restored from.
 *
 * @param id the migration's id
 * @param mode {@code online}, {@code offline} or {@code karmada}
 * @param phase how it ended
 * @param sourceBackup the backup the applications were restored from: the restart-point backup
 *     online
 * @param target the target's kubeconfig context
 * @param started when the first attempt started (ISO-8601)
 * @param finished when it ended (ISO-8601)
 * @param capacityVerdict the capacity plan's verdict before the migration, e.g. {@code
 *     FITS_WITH_DOWNGRADE}; {@code NOT_CHECKED} in Karmada mode
 * @param applications one per application, core tier first
 * @param cutover the plan's cutover, {@code none} when the source was left alone (always offline)
 * @param cutoverResult what happened to the source: e.g. {@code quiesced 3 applications}, or why
 *     nothing did
 * @param cutoverActions one per application cut over
 * @param unassigned the source workloads no application claims: not moved
 */
public record MigrationReport(
    String id,
    String mode,
    MigrationPhase phase,
    String sourceBackup,
    String target,
    String started,
    String finished,
    String capacityVerdict,
    List<ApplicationOutcome> applications,
    String cutover,
    String cutoverResult,
    List<CutoverRecord> cutoverActions,
    List<String> unassigned)
    implements BodyWriter {

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  public MigrationReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(phase, "phase");
    applications = List.copyOf(applications);
    cutoverActions = List.copyOf(cutoverActions);
    unassigned = List.copyOf(unassigned);
  }

  /** The phase the applications' outcomes and the cutover's make. */
  static MigrationPhase phaseOf(List<ApplicationOutcome> applications, boolean cutoverFailed) {
    boolean anyFailed =
        applications.stream().anyMatch(app -> app.status() == ApplicationStatus.FAILED);
    boolean anyRuns = applications.stream().anyMatch(app -> app.status().runsInTarget());
    if (!anyFailed && !cutoverFailed) {
      return MigrationPhase.COMPLETED;
    }
    return anyRuns ? MigrationPhase.PARTIALLY_COMPLETED : MigrationPhase.FAILED;
  }

  /** How many applications ended with the status. */
  public long count(ApplicationStatus status) {
    return applications.stream().filter(app -> app.status() == status).count();
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  public static MigrationReport parse(String json) {
    return GSON.fromJson(json, MigrationReport.class);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(toJson().getBytes(StandardCharsets.UTF_8));
  }
}
