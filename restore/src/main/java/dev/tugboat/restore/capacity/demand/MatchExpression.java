package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One requirement of a {@code matchExpressions} (or {@code matchFields}) list, as in node selector
 * terms and label selectors: operators {@code In}, {@code NotIn}, {@code Exists}, {@code
 * DoesNotExist}, and for nodes {@code Gt}, {@code Lt}, which compare integers.
 */
record MatchExpression(String key, String operator, List<String> values) {

  private static final List<String> OPERATORS =
      List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");

  /**
   * @throws IllegalArgumentException naming the key, for an operator Kubernetes does not know
   */
  static MatchExpression read(JsonObject expression) {
    String key = JsonPaths.string(expression, "key").orElse("");
    String operator = JsonPaths.string(expression, "operator").orElse("");
    if (!OPERATORS.contains(operator)) {
      throw new IllegalArgumentException(
          "unknown operator '" + operator + "' in the match expression on '" + key + "'");
    }
    List<String> values = new ArrayList<>();
    JsonPaths.array(expression, "values")
        .ifPresent(array -> array.forEach((JsonElement value) -> values.add(value.getAsString())));
    return new MatchExpression(key, operator, List.copyOf(values));
  }

  /** Whether a label (or field) with this value, empty when the object lacks it, satisfies it. */
  boolean matches(Optional<String> value) {
    return switch (operator) {
      case "In" -> value.filter(values::contains).isPresent();
      case "NotIn" -> value.filter(values::contains).isEmpty();
      case "Exists" -> value.isPresent();
      case "DoesNotExist" -> value.isEmpty();
      case "Gt" -> compare(value) > 0;
      case "Lt" -> compare(value) < 0;
      default -> throw new IllegalStateException("operator checked on read: " + operator);
    };
  }

  /**
   * The sign of value minus the single bound; 0 (no match for Gt nor Lt) when either is not an
   * integer, as the scheduler treats them.
   */
  private int compare(Optional<String> value) {
    if (value.isEmpty() || values.size() != 1) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(value.get()), Long.parseLong(values.get(0)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** E.g. {@code zone In (a,b)}, {@code gpu Exists}, {@code cores Gt 8}. */
  @Override
  public String toString() {
    return switch (operator) {
      case "Exists", "DoesNotExist" -> key + " " + operator;
      case "Gt", "Lt" -> key + " " + operator + " " + String.join(",", values);
      default -> key + " " + operator + " (" + String.join(",", values) + ")";
    };
  }
}
