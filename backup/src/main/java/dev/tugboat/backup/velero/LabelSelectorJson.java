package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a {@link LabelSelector} to a Kubernetes {@code metav1.LabelSelector} object, as {@code
 * metav1.ParseToLabelSelector} does for Velero's {@code --selector}: {@code k=v} goes to {@code
 * matchLabels}; {@code in}, {@code notin}, {@code !=} (as {@code NotIn}), existence and absence go
 * to {@code matchExpressions}.
 *
 * <p>{@link LabelSelector} exposes its requirements only through its documented canonical form
 * ({@code app=web,tier in (api,web)}), so that is what is read here. That form is unambiguous:
 * label keys and values cannot contain commas, spaces, parentheses, {@code =} or {@code !}.
 */
final class LabelSelectorJson {

  private LabelSelectorJson() {}

  static JsonObject toJson(LabelSelector selector) {
    Map<String, String> matchLabels = new TreeMap<>();
    JsonArray matchExpressions = new JsonArray();
    for (String requirement : requirements(selector.toString())) {
      if (requirement.contains(" notin (")) {
        matchExpressions.add(setExpression(requirement, " notin (", "NotIn"));
      } else if (requirement.contains(" in (")) {
        matchExpressions.add(setExpression(requirement, " in (", "In"));
      } else if (requirement.contains("!=")) {
        int operator = requirement.indexOf("!=");
        matchExpressions.add(
            expression(
                requirement.substring(0, operator),
                "NotIn",
                List.of(requirement.substring(operator + 2))));
      } else if (requirement.contains("=")) {
        int operator = requirement.indexOf('=');
        matchLabels.put(requirement.substring(0, operator), requirement.substring(operator + 1));
      } else if (requirement.startsWith("!")) {
        matchExpressions.add(expression(requirement.substring(1), "DoesNotExist", List.of()));
      } else {
        matchExpressions.add(expression(requirement, "Exists", List.of()));
      }
    }
    JsonObject json = new JsonObject();
    if (!matchLabels.isEmpty()) {
      JsonObject labels = new JsonObject();
      matchLabels.forEach(labels::addProperty);
      json.add("matchLabels", labels);
    }
    if (!matchExpressions.isEmpty()) {
      json.add("matchExpressions", matchExpressions);
    }
    return json;
  }

  /** Splits at the commas between requirements, not those inside a value set. */
  private static List<String> requirements(String canonical) {
    List<String> requirements = new ArrayList<>();
    int start = 0;
    boolean inValueSet = false;
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '(' || c == ')') {
        inValueSet = c == '(';
      } else if (c == ',' && !inValueSet) {
        requirements.add(canonical.substring(start, i));
        start = i + 1;
      }
    }
    if (start < canonical.length()) {
      requirements.add(canonical.substring(start));
    }
    return requirements;
  }

  /** {@code tier in (api,web)} with separator {@code " in ("}. */
  private static JsonObject setExpression(String requirement, String separator, String operator) {
    int at = requirement.indexOf(separator);
    String values = requirement.substring(at + separator.length(), requirement.length() - 1);
    return expression(requirement.substring(0, at), operator, List.of(values.split(",")));
  }

  private static JsonObject expression(String key, String operator, List<String> values) {
    JsonObject expression = new JsonObject();
    expression.addProperty("key", key);
    expression.addProperty("operator", operator);
    if (!values.isEmpty()) {
      JsonArray array = new JsonArray();
      values.forEach(array::add);
      expression.add("values", array);
    }
    return expression;
  }
}
