package dev.tugboat.core.selection;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One comma-separated term of a {@link LabelSelector}, e.g. {@code tier in (web,api)}.
 *
 * @param key the label key
 * @param operator how the label is tested
 * @param values the values the operator compares with, sorted and distinct: one for equality, one
 *     or more for set operators, none for existence tests
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  /** The operators of Kubernetes' selector syntax; {@code ==} is parsed as {@link #EQUALS}. */
  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  /**
   * Sorts the values and drops duplicates.
   *
   * @throws IllegalArgumentException when the key or a value breaks Kubernetes' label rules, or the
   *     operator does not take that many values
   */
  public LabelRequirement {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    List<String> distinctSorted = values.stream().distinct().sorted().toList();
    // The parser reports these problems first, with their column; this guards direct construction.
    LabelSyntax.keyProblem(key)
        .or(
            () ->
                distinctSorted.stream()
                    .flatMap(v -> LabelSyntax.valueProblem(v).stream())
                    .findFirst())
        .or(() -> valueCountProblem(operator, distinctSorted.size()))
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "Invalid label requirement (key '%s', %s, values %s): %s"
                      .formatted(key, operator, distinctSorted, problem));
            });
    values = distinctSorted;
  }

  private static Optional<String> valueCountProblem(Operator operator, int count) {
    boolean fits =
        switch (operator) {
          case EQUALS, NOT_EQUALS -> count == 1;
          case IN, NOT_IN -> count >= 1;
          case EXISTS, DOES_NOT_EXIST -> count == 0;
        };
    return fits ? Optional.empty() : Optional.of(operator + " does not take " + count + " values");
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
