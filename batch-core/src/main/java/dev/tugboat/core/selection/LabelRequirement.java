package dev.tugboat.core.selection;

import java.util.List;
import java.util.Map;

/**
 * One comma-separated term of a label selector, e.g. {@code tier in (web,api)}.
 *
 * @param key the label key
 * @param operator how the label is tested
 * @param values the values the operator compares with, sorted and distinct: one for equality, one
 *     or more for set operators, none for existence tests
 */
record LabelRequirement(String key, Operator operator, List<String> values) {

  /** The operators of Kubernetes' selector syntax; {@code ==} is parsed as {@link #EQUALS}. */
  enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  LabelRequirement {
    values = values.stream().distinct().sorted().toList();
  }

  /** Kubernetes semantics: negative operators also match objects that lack the label. */
  boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case EQUALS, IN -> value != null && values.contains(value);
      case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
    };
  }

  /** The form apimachinery prints, which the API server parses back to the same requirement. */
  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.get(0);
      case NOT_EQUALS -> key + "!=" + values.get(0);
      case IN -> key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
    };
  }
}
