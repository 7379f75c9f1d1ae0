package dev.tugboat.runner.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.backup.velero.JsonFields;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A backup's {@code <name>-results.gz}: the errors and warnings it reported, in Velero's {@code
 * results.Result} shape. Also the JSON form {@code backup describe --details} prints.
 */
record BackupResults(Messages errors, Messages warnings) {

  /**
   * @param velero messages about the backup as a whole
   * @param cluster messages about cluster-scoped items
   * @param namespaces messages about the items of each namespace, by namespace
   */
  record Messages(
      List<String> velero, List<String> cluster, SortedMap<String, List<String>> namespaces) {}

  /**
   * Reads the document.
   *
   * @throws IllegalArgumentException naming the field that is not as Velero writes it
   */
  static BackupResults parse(JsonElement json) {
    if (!json.isJsonObject()) {
      throw new IllegalArgumentException("is not a JSON object");
    }
    JsonObject results = json.getAsJsonObject();
    return new BackupResults(
        messages(JsonFields.object(results, "errors"), "errors"),
        messages(JsonFields.object(results, "warnings"), "warnings"));
  }

  private static Messages messages(JsonObject result, String path) {
    SortedMap<String, List<String>> namespaces = new TreeMap<>();
    for (Map.Entry<String, JsonElement> namespace :
        JsonFields.object(result, path + ".namespaces").entrySet()) {
      namespaces.put(
          namespace.getKey(),
          JsonFields.texts(namespace.getValue(), path + ".namespaces[" + namespace.getKey() + "]"));
    }
    return new Messages(
        JsonFields.texts(result, path + ".velero"),
        JsonFields.texts(result, path + ".cluster"),
        namespaces);
  }
}
