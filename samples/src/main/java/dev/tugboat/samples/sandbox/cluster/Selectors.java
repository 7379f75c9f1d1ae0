package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON form of a label selector ({@code matchLabels} and {@code matchExpressions}) into
 * Tugboat's {@link LabelSelector}, by writing it in selector syntax.
 */
public final class Selectors {

  private Selectors() {}

  /**
   * The selector, or empty when {@code selector} is null: Kubernetes reads a missing selector as
   * "nothing", an empty one as "everything".
   *
   * @throws IllegalArgumentException when an operator is unknown or a label is malformed
   */
  static Optional<LabelSelector> fromJson(JsonObject selector) {
    if (selector == null) {
      return Optional.empty();
    }
    List<String> requirements = new ArrayList<>();
    for (Map.Entry<String, String> label :
        JsonFields.stringMap(selector, "matchLabels").entrySet()) {
      requirements.add(label.getKey() + "=" + label.getValue());
    }
    for (JsonObject expression : JsonFields.objects(selector, "matchExpressions")) {
      requirements.add(requirement(expression));
    }
    return Optional.of(LabelSelector.parse(String.join(",", requirements)));
  }

  /** Whether an object's labels match a JSON selector; a missing selector matches nothing. */
  public static boolean matches(JsonObject selector, Map<String, String> labels) {
    return fromJson(selector).map(parsed -> parsed.matches(labels)).orElse(false);
  }

  private static String requirement(JsonObject expression) {
    String key = JsonFields.string(expression, "key");
    String operator = JsonFields.string(expression, "operator");
    String values = String.join(",", JsonFields.strings(expression, "values"));
    if (operator == null) {
      throw new IllegalArgumentException(
          "label selector expression on " + key + " has no operator");
    }
    return switch (operator) {
      case "In" -> key + " in (" + values + ")";
      case "NotIn" -> key + " notin (" + values + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default ->
          throw new IllegalArgumentException(
              "label selector expression on " + key + " has unknown operator " + operator);
    };
  }
}
