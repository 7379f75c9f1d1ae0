package dev.tugboat.core.selection;

import dev.tugboat.core.cluster.ApiResource;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One entry of an include or exclude list of resource types, written the ways {@code kubectl} and
 * Velero accept:
 *
 * <ul>
 *   <li>{@code *}: every resource;
 *   <li>a name: the plural ({@code deployments}), the kind ({@code Deployment}) or a short name
 *       ({@code deploy}), compared case-insensitively, in <em>any</em> group;
 *   <li>{@code name.group}: the same, restricted to one group ({@code deployments.apps}, {@code
 *       events.events.k8s.io}).
 * </ul>
 *
 * <p>Unlike Velero, which resolves a bare name to the one resource {@code kubectl} would pick, a
 * bare name here matches that name in every group: {@code events} matches both {@code events} and
 * {@code events.events.k8s.io}. Qualify the name with its group to pick one.
 */
public final class ResourcePattern implements Predicate<ApiResource> {

  private final String text;
  private final String name;
  private final Optional<String> group;

  private ResourcePattern(String text, String name, Optional<String> group) {
    this.text = text;
    this.name = name;
    this.group = group;
  }

  /**
   * @throws IllegalArgumentException when the pattern is blank, contains whitespace, has an empty
   *     name or group, or uses {@code *} other than alone
   */
  public static ResourcePattern parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      throw new IllegalArgumentException("A resource pattern must not be blank");
    }
    if (pattern.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "The resource pattern '" + pattern + "' must not contain whitespace");
    }
    if (pattern.equals("*")) {
      return new ResourcePattern(pattern, "*", Optional.empty());
    }
    if (pattern.contains("*")) {
      throw new IllegalArgumentException(
          "The resource pattern '" + pattern + "' may use '*' only alone, meaning every resource");
    }
    int dot = pattern.indexOf('.');
    String name = dot < 0 ? pattern : pattern.substring(0, dot);
    Optional<String> group = dot < 0 ? Optional.empty() : Optional.of(pattern.substring(dot + 1));
    if (name.isEmpty() || group.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException(
          "The resource pattern '"
              + pattern
              + "' must be a resource name or 'name.group', e.g. 'deployments.apps'");
    }
    return new ResourcePattern(pattern, name, group);
  }

  /** Whether this is {@code *}. */
  public boolean isMatchAll() {
    return name.equals("*");
  }

  /** Whether the resource is the one this pattern names (or any resource, for {@code *}). */
  public boolean matches(ApiResource resource) {
    if (isMatchAll()) {
      return true;
    }
    if (group.isPresent() && !group.get().equalsIgnoreCase(resource.group())) {
      return false;
    }
    return name.equalsIgnoreCase(resource.plural())
        || name.equalsIgnoreCase(resource.kind())
        || resource.shortNames().stream().anyMatch(name::equalsIgnoreCase);
  }

  /** Same as {@link #matches(ApiResource)}, so that patterns can be combined as predicates. */
  @Override
  public boolean test(ApiResource resource) {
    return matches(resource);
  }

  @Override
  public String toString() {
    return text;
  }
}
