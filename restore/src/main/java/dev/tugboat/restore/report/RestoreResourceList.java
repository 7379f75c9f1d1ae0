package dev.tugboat.restore.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.backup.velero.GzipJson;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code restores/<name>/restore-<name>-resource-list.json.gz}, which {@code velero restore
 * describe --details} lists: a map from {@code <apiVersion>/<Kind>} (e.g. {@code
 * apps/v1/Deployment}, {@code v1/Pod}) to entries {@code namespace/name(outcome)}, or {@code
 * name(outcome)} for cluster-scoped items, the outcome being one of {@link ItemOutcome}'s words.
 * Keys are sorted, and so are the entries, as whole strings the way Velero sorts them (which is not
 * always the order of the names: {@code view!(created)} comes before {@code view(created)}).
 * Written as gzip of compact JSON and a newline.
 *
 * <p>Built item by item while the restore runs. It keeps one string per item in memory (roughly 150
 * bytes each with its map entry, so about 150 MB for a million items); spilling to disk for huge
 * restores is left for later. Not thread-safe.
 */
public final class RestoreResourceList implements BodyWriter {

  private final Map<String, Map<String, ItemOutcome>> outcomesByType = new TreeMap<>();

  /**
   * Records what happened to one item. Recording the same item again replaces its outcome, as in
   * Velero, whose list has one entry per item.
   *
   * @param apiVersion the restored object's, e.g. {@code apps/v1}, or {@code v1} for the core group
   * @param kind e.g. {@code Deployment}
   * @param namespace the namespace the item was restored into; null or empty if cluster-scoped
   * @param name the item's name in the cluster
   */
  public void record(
      String apiVersion, String kind, String namespace, String name, ItemOutcome outcome) {
    requireText(apiVersion, "apiVersion", kind, name);
    requireText(kind, "kind", kind, name);
    requireText(name, "name", kind, name);
    if (outcome == null) {
      throw new IllegalArgumentException(
          "A restored resource-list entry needs an outcome (kind " + kind + ", name " + name + ")");
    }
    String item = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    outcomesByType
        .computeIfAbsent(apiVersion + "/" + kind, type -> new HashMap<>())
        .put(item, outcome);
  }

  /** Writes the gzip-compressed document. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    JsonObject json = new JsonObject();
    outcomesByType.forEach(
        (type, outcomes) -> {
          JsonArray entries = new JsonArray();
          outcomes.entrySet().stream()
              .map(item -> item.getKey() + "(" + item.getValue().veleroName() + ")")
              .sorted()
              .forEach(entries::add);
          json.add(type, entries);
        });
    GzipJson.write(json, out);
  }

  private static void requireText(String value, String field, String kind, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "A restored resource-list entry needs a "
              + field
              + " (kind "
              + kind
              + ", name "
              + name
              + ")");
    }
  }
}
