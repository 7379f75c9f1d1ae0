package dev.tugboat.backup.velero;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes {@code metav1.LabelSelector} object in the text form {@code kubectl} and {@code
 * velero backup describe} print: {@code app=web,tier in (back,front),!legacy}.
 */
final class LabelSelectorText {

  private LabelSelectorText() {}

  /**
   * @param selector the selector object
   * @param path where it is, for messages
   * @return the text form; {@code <none>} for an empty selector, which selects everything
   * @throws IllegalArgumentException when the object is not a label selector
   */
  static String format(JsonObject selector, String path) {
    List<String> requirements = new ArrayList<>();
    for (Map.Entry<String, String> label :
        JsonFields.textMap(selector, path + ".matchLabels").entrySet()) {
      requirements.add(label.getKey() + "=" + label.getValue());
    }
    JsonElement expressions = selector.get("matchExpressions");
    if (expressions != null && !expressions.isJsonNull()) {
      if (!expressions.isJsonArray()) {
        throw new IllegalArgumentException(path + ".matchExpressions is not a list");
      }
      JsonArray array = expressions.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        String expressionPath = path + ".matchExpressions[" + i + "]";
        if (!array.get(i).isJsonObject()) {
          throw new IllegalArgumentException(expressionPath + " is not an object");
        }
        requirements.add(expression(array.get(i).getAsJsonObject(), expressionPath));
      }
    }
    return requirements.isEmpty() ? "<none>" : String.join(",", requirements);
  }

  private static String expression(JsonObject expression, String path) {
    String key = JsonFields.text(expression, path + ".key");
    String operator = JsonFields.text(expression, path + ".operator");
    String values = String.join(",", JsonFields.texts(expression, path + ".values"));
    if (key == null || operator == null) {
      throw new IllegalArgumentException(path + " needs a key and an operator");
    }
    return switch (operator) {
      case "In" -> key + " in (" + values + ")";
      case "NotIn" -> key + " notin (" + values + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default ->
          throw new IllegalArgumentException(
              path + ".operator '" + operator + "' is not In, NotIn, Exists or DoesNotExist");
    };
  }
}
