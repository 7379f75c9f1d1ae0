package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.store.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code backups/<name>/<name>-resource-list.json.gz}, which {@code velero backup describe
 * --details} lists: a map from {@code <apiVersion>/<Kind>} (e.g. {@code apps/v1/Deployment}, {@code
 * v1/Pod}) to the sorted items of that type, {@code namespace/name} or just {@code name} for
 * cluster-scoped ones; keys sorted. Written as gzip of compact JSON and a newline.
 *
 * <p>Built item by item while the backup runs. It keeps one string per item in memory (roughly 100
 * bytes each, so about 100 MB for a million items); spilling to disk for huge backups is left for
 * later. Not thread-safe.
 */
public final class ResourceListDocument implements BodyWriter {

  private final Map<String, NavigableSet<String>> itemsByType = new TreeMap<>();

  /**
   * Records one backed-up item; adding the same item twice records it once.
   *
   * @param apiVersion e.g. {@code apps/v1}, or {@code v1} for the core group
   * @param kind e.g. {@code Deployment}
   * @param namespace the item's namespace; null or empty for a cluster-scoped item
   * @param name the item's name
   */
  public void add(String apiVersion, String kind, String namespace, String name) {
    requireText(apiVersion, "apiVersion", kind, name);
    requireText(kind, "kind", kind, name);
    requireText(name, "name", kind, name);
    String item = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    itemsByType.computeIfAbsent(apiVersion + "/" + kind, type -> new TreeSet<>()).add(item);
  }

  /** Writes the gzip-compressed document. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    JsonObject json = new JsonObject();
    itemsByType.forEach(
        (type, items) -> {
          JsonArray array = new JsonArray();
          items.forEach(array::add);
          json.add(type, array);
        });
    GzipJson.write(json, out);
  }

  private static void requireText(String value, String field, String kind, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "A resource-list entry needs a " + field + " (kind " + kind + ", name " + name + ")");
    }
  }
}
