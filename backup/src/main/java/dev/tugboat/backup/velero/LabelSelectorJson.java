package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelRequirement;
import dev.tugboat.core.selection.LabelSelector;
import java.util.List;

/**
 * Converts a {@link LabelSelector} to a Kubernetes {@code metav1.LabelSelector} object, as {@code
 * metav1.ParseToLabelSelector} does for Velero's {@code --selector}: {@code k=v} goes to {@code
 * matchLabels}; {@code in}, {@code notin}, {@code !=} (as {@code NotIn}), existence and absence go
 * to {@code matchExpressions}.
 */
final class LabelSelectorJson {

  private LabelSelectorJson() {}

  static JsonObject toJson(LabelSelector selector) {
    // Requirements come sorted by key, so both members come out in key order.
    JsonObject matchLabels = new JsonObject();
    JsonArray matchExpressions = new JsonArray();
    for (LabelRequirement requirement : selector.requirements()) {
      String key = requirement.key();
      List<String> values = requirement.values();
      switch (requirement.operator()) {
        case EQUALS -> matchLabels.addProperty(key, values.get(0));
        case NOT_EQUALS, NOT_IN -> matchExpressions.add(expression(key, "NotIn", values));
        case IN -> matchExpressions.add(expression(key, "In", values));
        case EXISTS -> matchExpressions.add(expression(key, "Exists", values));
        case DOES_NOT_EXIST -> matchExpressions.add(expression(key, "DoesNotExist", values));
      }
    }
    JsonObject json = new JsonObject();
    if (!matchLabels.isEmpty()) {
      json.add("matchLabels", matchLabels);
    }
    if (!matchExpressions.isEmpty()) {
      json.add("matchExpressions", matchExpressions);
    }
    return json;
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
