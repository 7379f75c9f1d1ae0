package dev.tugboat.core.selection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: comma-separated requirements that must all hold, written as {@code
 * app=web}, {@code app==web}, {@code app!=web}, {@code tier in (web,api)}, {@code tier notin (db)},
 * {@code app} (label present) or {@code !app} (label absent). The empty selector matches every
 * object.
 *
 * <p>Instances are immutable and compare by their {@linkplain #toString() canonical form}.
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private final List<LabelRequirement> requirements;

  private LabelSelector(List<LabelRequirement> requirements) {
    // Sorted like apimachinery does, so that equal selectors print the same query parameter.
    this.requirements =
        requirements.stream()
            .sorted(
                Comparator.comparing(LabelRequirement::key)
                    .thenComparing(LabelRequirement::toString))
            .distinct()
            .toList();
  }

  /**
   * Parses Kubernetes selector syntax.
   *
   * @throws IllegalArgumentException naming the selector, the column and the problem, when the
   *     syntax is wrong or a key or value breaks Kubernetes' label rules
   */
  public static LabelSelector parse(String selector) {
    List<LabelRequirement> requirements = LabelSelectorParser.parse(selector);
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
  }

  /** The selector that matches every object. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** The requirements, all of which must hold, in canonical order: unmodifiable. */
  public List<LabelRequirement> requirements() {
    return requirements;
  }

  /** Whether this selector has no requirement and so matches every object. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Whether an object with these labels (null meaning none) satisfies every requirement. */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> present = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(requirement -> requirement.matches(present));
  }

  /**
   * The canonical form, e.g. {@code app=web,tier in (api,web)}: requirements sorted by key, set
   * values sorted, {@code ==} written as {@code =}. This is the value of the {@code labelSelector}
   * query parameter of a LIST request (before URL encoding); empty for the empty selector.
   */
  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelSelector selector && toString().equals(selector.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
