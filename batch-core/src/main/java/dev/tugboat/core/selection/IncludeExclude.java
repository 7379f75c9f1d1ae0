package dev.tugboat.core.selection;

import java.util.List;
import java.util.function.Predicate;

/**
 * Velero's include/exclude rule over patterns: a value is selected when no exclude pattern matches
 * it and either the include list is empty or an include pattern matches it. Exclusion always wins.
 */
final class IncludeExclude<V> {

  private final List<Predicate<V>> includes;
  private final List<Predicate<V>> excludes;

  IncludeExclude(List<? extends Predicate<V>> includes, List<? extends Predicate<V>> excludes) {
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  boolean includes(V value) {
    if (excludes(value)) {
      return false;
    }
    return includes.isEmpty() || includes.stream().anyMatch(pattern -> pattern.test(value));
  }

  /** Whether an exclude pattern matches the value, whatever the include list says. */
  boolean excludes(V value) {
    return excludes.stream().anyMatch(pattern -> pattern.test(value));
  }

  /** Whether the include list takes every value (excludes may still remove some). */
  boolean includesAllByDefault() {
    return includes.isEmpty();
  }

  /** Whether every value is selected. */
  boolean isEverything() {
    return includes.isEmpty() && excludes.isEmpty();
  }

  /** E.g. {@code [app-*] except [app-test]}, or {@code *} when everything is selected. */
  @Override
  public String toString() {
    String included = includes.isEmpty() ? "*" : includes.toString();
    return excludes.isEmpty() ? included : included + " except " + excludes;
  }
}
