package dev.tugboat.restore.migrate.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload's {@code spec.selector} (a LabelSelector object) as the {@code labelSelector} query of
 * a LIST, e.g. {@code app=web,tier in (a,b)}: how to find its pods.
 */
final class SelectorQuery {

  private SelectorQuery() {}

  /** The query; empty when the selector selects nothing in particular (which would list all). */
  static String of(JsonObject selector) {
    List<String> terms = new ArrayList<>();
    Map<String, String> matchLabels = new TreeMap<>();
    JsonPaths.object(selector, "matchLabels")
        .ifPresent(
            labels ->
                labels
                    .entrySet()
                    .forEach(entry -> matchLabels.put(entry.getKey(), text(entry.getValue()))));
    matchLabels.forEach((key, value) -> terms.add(key + "=" + value));
    for (JsonObject expression : JsonPaths.objects(selector, "matchExpressions")) {
      String key = JsonPaths.string(expression, "key").orElse("");
      String values =
          String.join(
              ",",
              JsonPaths.array(expression, "values").stream()
                  .flatMap(array -> array.asList().stream())
                  .map(SelectorQuery::text)
                  .toList());
      String operator = JsonPaths.string(expression, "operator").orElse("");
      terms.add(
          switch (operator) {
            case "In" -> key + " in (" + values + ")";
            case "NotIn" -> key + " notin (" + values + ")";
            case "DoesNotExist" -> "!" + key;
            default -> key; // Exists
          });
    }
    return String.join(",", terms);
  }

  private static String text(JsonElement value) {
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }
}
