package dev.tugboat.restore.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a finished restore did, in a few lines: Tugboat's record of it, {@code
 * restores/<name>/tugboat-restore.json} in the store, written after every other file of the restore
 * (its presence means the restore is complete), and the result a command prints.
 *
 * @param name the restore
 * @param backup the backup it restored
 * @param phase Velero's phase: {@code Completed}, {@code PartiallyFailed} or {@code Failed}
 * @param dryRun whether nothing was written
 * @param started when the first attempt started (ISO-8601)
 * @param completed when it finished (ISO-8601)
 * @param items how many items had each disposition, by its word ({@code created}, {@code
 *     unchanged}, {@code not-restored}...)
 * @param warnings the restore's warning count
 * @param errors the restore's error count
 * @param namespaceMapping source namespace to target namespace
 * @param existingResourcePolicy {@code none}, {@code update} or {@code recreate}
 * @param ledgerRun the run whose item ledger lists every item, under {@code
 *     restores/<name>/ledger/<run>/}
 */
public record RestoreSummary(
    String name,
    String backup,
    String phase,
    boolean dryRun,
    String started,
    String completed,
    Map<String, Long> items,
    int warnings,
    int errors,
    Map<String, String> namespaceMapping,
    String existingResourcePolicy,
    String ledgerRun)
    implements BodyWriter {

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  public RestoreSummary {
    Objects.requireNonNull(name, "name");
    items = new TreeMap<>(items);
    namespaceMapping = new TreeMap<>(namespaceMapping);
  }

  /** How many items had this disposition word; 0 when none. */
  public long count(String disposition) {
    return items.getOrDefault(disposition, 0L);
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  /**
   * @throws IllegalArgumentException when the text is not a restore summary
   */
  public static RestoreSummary parse(String json) {
    try {
      RestoreSummary summary = GSON.fromJson(json, RestoreSummary.class);
      if (summary == null || summary.name() == null) {
        throw new IllegalArgumentException("not a Tugboat restore summary");
      }
      return summary;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) { // Gson wraps a record constructor's failure in a bare one
      throw new IllegalArgumentException(
          "the restore summary cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write((toJson() + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
