package dev.tugboat.restore.migrate.rollback;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The rollback of a migration: kept in its job execution and, unless a dry run, written as {@code
 * tugboat-migration-<id>-rollback.json} beside the migration's report.
 *
 * @param migration the migration's id
 * @param mode {@code online}, {@code offline} or {@code karmada}
 * @param phase {@code RolledBack}, or {@code FailedRollback} when something could not be undone or
 *     the source differs from its snapshot
 * @param dryRun whether nothing was written: the report says what would be done
 * @param started when the first attempt started (ISO-8601)
 * @param completed when it ended (ISO-8601)
 * @param applications one per application with a restore, in the order rolled back (sheddable tier
 *     first)
 * @param snapshot how the source compares with the restart-point backup: e.g. {@code equal (41
 *     objects)}, {@code 2 of 41 objects differ}, or why it was not compared
 * @param differences the source objects that differ from the snapshot
 */
public record MigrationRollbackReport(
    String migration,
    String mode,
    String phase,
    boolean dryRun,
    String started,
    String completed,
    List<ApplicationRollback> applications,
    String snapshot,
    List<SnapshotDifference> differences)
    implements BodyWriter {

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  public MigrationRollbackReport {
    Objects.requireNonNull(migration, "migration");
    Objects.requireNonNull(phase, "phase");
    applications = List.copyOf(applications);
    differences = List.copyOf(differences);
  }

  /** The sum over the applications of the target items that ended so, by word. */
  public long count(String word) {
    return applications.stream().mapToLong(application -> application.count(word)).sum();
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  public static MigrationRollbackReport parse(String json) {
    return GSON.fromJson(json, MigrationRollbackReport.class);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write((toJson() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
