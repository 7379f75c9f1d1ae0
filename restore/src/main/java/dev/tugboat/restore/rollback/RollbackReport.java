package dev.tugboat.restore.rollback;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tugboat.core.store.BackupStore;
import dev.tugboat.core.store.BodyWriter;
import dev.tugboat.core.store.StoreLayout;
import dev.tugboat.core.store.StoreObjectNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rollback of a restore: {@code restores/<name>/tugboat-rollback.json} in the store (a name
 * Velero ignores), written with phase {@code RollingBack} when the rollback starts and replaced by
 * the full report when it ends; the same report is kept in the rollback's job execution.
 *
 * @param restore the restore rolled back
 * @param phase {@code RollingBack}, {@code RolledBack} or {@code FailedRollback}
 * @param dryRun whether nothing was written: the report says what would be done
 * @param started when the first attempt started (ISO-8601)
 * @param completed when it ended; null while rolling back
 * @param items how many items ended each way, by word ({@code deleted}, {@code put-back}, {@code
 *     left-alone}, {@code failed})
 * @param outcomes every item of the restore's ledger: deletions, put-backs, then the items left
 *     alone, each with its reason
 */
public record RollbackReport(
    String restore,
    String phase,
    boolean dryRun,
    String started,
    String completed,
    Map<String, Long> items,
    List<UndoOutcome> outcomes)
    implements BodyWriter {

  /** The report's file in the restore's folder. */
  public static final String FILE = "tugboat-rollback.json";

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  public RollbackReport {
    Objects.requireNonNull(restore, "restore");
    Objects.requireNonNull(phase, "phase");
    items = new TreeMap<>(items);
    outcomes = List.copyOf(outcomes);
  }

  /** The record of a rollback that has started. */
  static RollbackReport rollingBack(String restore, String started) {
    return new RollbackReport(
        restore,
        RollbackPhase.ROLLING_BACK.displayName(),
        false,
        started,
        null,
        Map.of(),
        List.of());
  }

  /** How many items ended with this result; 0 when none. */
  public long count(UndoResult result) {
    return items.getOrDefault(result.word(), 0L);
  }

  /** The key of a restore's rollback report in the store. */
  public static String key(String restore) {
    return StoreLayout.restoreFolder(restore) + FILE;
  }

  /**
   * The rollback report of a restore, if it was ever rolled back.
   *
   * @throws IllegalArgumentException when the file is not a rollback report
   */
  public static Optional<RollbackReport> read(BackupStore store, String restore)
      throws IOException {
    try (InputStream in = store.read(key(restore))) {
      return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (StoreObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  /**
   * @throws IllegalArgumentException when the text is not a rollback report
   */
  public static RollbackReport parse(String json) {
    try {
      RollbackReport report = GSON.fromJson(json, RollbackReport.class);
      if (report == null || report.restore() == null || report.phase() == null) {
        throw new IllegalArgumentException("not a Tugboat rollback report");
      }
      return report;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) { // Gson wraps a record constructor's failure in a bare one
      throw new IllegalArgumentException(
          "the rollback report cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write((toJson() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
