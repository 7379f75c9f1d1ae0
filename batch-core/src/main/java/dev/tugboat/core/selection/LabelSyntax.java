package dev.tugboat.core.selection;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for label keys and values (apimachinery {@code IsQualifiedName} and {@code
 * IsValidLabelValue}). Each check returns the reason a text is invalid, or empty when it is valid,
 * so that the caller can say where the text came from.
 */
final class LabelSyntax {

  private static final int MAX_NAME_LENGTH = 63;
  private static final int MAX_PREFIX_LENGTH = 253;
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelSyntax() {}

  /** A key is {@code name} or {@code prefix/name}, the prefix being a DNS subdomain. */
  static Optional<String> keyProblem(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return nameProblem(key);
    }
    String prefix = key.substring(0, slash);
    String name = key.substring(slash + 1);
    if (name.indexOf('/') >= 0) {
      return Optional.of("a label key may contain at most one '/'");
    }
    if (prefix.isEmpty()) {
      return Optional.of("the prefix before '/' must not be empty");
    }
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      return Optional.of("the prefix is longer than " + MAX_PREFIX_LENGTH + " characters");
    }
    if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
      return Optional.of(
          "the prefix must be a DNS subdomain: lowercase letters, digits, '-' and '.', starting"
              + " and ending with a letter or digit");
    }
    return nameProblem(name);
  }

  /** A value is empty or a name of at most 63 characters. */
  static Optional<String> valueProblem(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > MAX_NAME_LENGTH) {
      return Optional.of("a label value must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAME.matcher(value).matches()) {
      return Optional.of(
          "a label value may contain only letters, digits, '-', '_' and '.', and must start and"
              + " end with a letter or digit");
    }
    return Optional.empty();
  }

  private static Optional<String> nameProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("the name part of a label key must not be empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return Optional.of(
          "the name part of a label key must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "the name part of a label key may contain only letters, digits, '-', '_' and '.', and"
              + " must start and end with a letter or digit");
    }
    return Optional.empty();
  }
}
