package dev.tugboat.core.selection;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A name pattern in which {@code *} stands for any run of characters (also none) and {@code ?} for
 * exactly one character; every other character stands for itself. Matching is case-sensitive, like
 * Kubernetes names.
 */
final class Glob implements Predicate<String> {

  private final String text;
  private final Pattern regex;

  private Glob(String text) {
    this.text = text;
    this.regex = Pattern.compile(toRegex(text));
  }

  /**
   * @param what what the pattern selects, for the error message, e.g. {@code "namespace"}
   * @throws IllegalArgumentException when the pattern is blank or contains whitespace
   */
  static Glob of(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A " + what + " pattern must not be blank");
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "The " + what + " pattern '" + text + "' must not contain whitespace");
    }
    return new Glob(text);
  }

  boolean isMatchAll() {
    return text.equals("*");
  }

  @Override
  public boolean test(String name) {
    return regex.matcher(name).matches();
  }

  @Override
  public String toString() {
    return text;
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        appendQuoted(regex, literal);
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    appendQuoted(regex, literal);
    return regex.toString();
  }

  private static void appendQuoted(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
