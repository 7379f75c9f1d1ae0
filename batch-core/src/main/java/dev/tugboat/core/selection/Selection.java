package dev.tugboat.core.selection;

import dev.tugboat.core.cluster.ApiResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which objects a backup, restore or migration works on, with Velero's filter semantics:
 *
 * <ul>
 *   <li>namespaces and resource types: include and exclude lists; an empty include list (or one
 *       containing {@code *}) means all, and an exclusion always wins. Namespace patterns are globs
 *       with {@code *} and {@code ?}; resource types are {@link ResourcePattern}s. {@code *} is
 *       rejected in exclude lists, as Velero does;
 *   <li>object names: globs, empty meaning all;
 *   <li>labels: either one label selector, or OR-selectors of which any one must match. Velero
 *       treats the two as mutually exclusive, so giving both is an error.
 * </ul>
 *
 * <p>Instances are immutable; build them with {@link #builder()}.
 */
public final class Selection {

  private final IncludeExclude<String> namespaces;
  private final IncludeExclude<ApiResource> resources;
  private final IncludeExclude<String> names;

  /** Any one must match; empty means every label set matches. */
  private final List<LabelSelector> labelSelectors;

  private Selection(Builder builder) {
    this.namespaces =
        includeExclude(
            builder.includedNamespaces,
            builder.excludedNamespaces,
            text -> Glob.of(text, "namespace"),
            Glob::isMatchAll,
            "namespaces");
    this.resources =
        includeExclude(
            builder.includedResources,
            builder.excludedResources,
            ResourcePattern::parse,
            ResourcePattern::isMatchAll,
            "resources");
    this.names =
        includeExclude(
            builder.includedNames,
            List.of(),
            text -> Glob.of(text, "name"),
            Glob::isMatchAll,
            "names");
    this.labelSelectors = labelSelectors(builder.labelSelector, builder.orLabelSelectors);
  }

  /** Selects every object. */
  public static Selection all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The selection of a job's filter options, as a backup or a restore takes them.
   *
   * @param selector a label selector; empty for none
   * @param orSelectors label selectors of which an object matches one; not with {@code selector}
   * @throws IllegalArgumentException naming the first invalid pattern or selector
   */
  public static Selection of(
      List<String> includeNamespaces,
      List<String> excludeNamespaces,
      List<String> includeResources,
      List<String> excludeResources,
      String selector,
      List<String> orSelectors) {
    Builder builder =
        builder()
            .includeNamespaces(includeNamespaces)
            .excludeNamespaces(excludeNamespaces)
            .includeResources(includeResources)
            .excludeResources(excludeResources)
            .orLabelSelectors(orSelectors);
    if (!selector.isEmpty()) {
      builder.labelSelector(selector);
    }
    return builder.build();
  }

  /** Whether objects of this namespace are selected (before the name and label filters). */
  public boolean includesNamespace(String namespace) {
    return namespaces.includes(namespace);
  }

  /** Whether every namespace is selected, so that one cluster-wide LIST can serve them all. */
  public boolean includesAllNamespaces() {
    return namespaces.isEverything();
  }

  /**
   * Whether the resource include list means every type (empty or {@code *}), as opposed to naming
   * types; excludes may still remove some. Jobs use it to leave out types that are only taken when
   * named, e.g. events.
   */
  public boolean includesEveryResourceType() {
    return resources.includesAllByDefault();
  }

  public boolean includesResource(ApiResource resource) {
    return resources.includes(resource);
  }

  /**
   * Whether an exclude pattern names this type, whatever the include list says. Velero leaves out
   * an object that a backed-up one depends on (an "additional item") only when its type is excluded
   * this way: not being in the include list does not keep it out.
   */
  public boolean excludesResource(ApiResource resource) {
    return resources.excludes(resource);
  }

  /**
   * Whether objects are filtered by their labels: a label selector or OR-selectors, none of which
   * matches everything.
   */
  public boolean hasLabelFilter() {
    return !labelSelectors.isEmpty();
  }

  /**
   * Whether labels pass the label filter alone (always, without one).
   *
   * @param labels the object's labels; null meaning none
   */
  public boolean matchesLabels(Map<String, String> labels) {
    return labelSelectors.isEmpty()
        || labelSelectors.stream().anyMatch(selector -> selector.matches(labels));
  }

  /**
   * Whether an object passes the namespace, name and label filters. The resource filter is checked
   * separately, with {@link #includesResource}.
   *
   * @param namespace the object's namespace; null or empty for a cluster-scoped object, to which
   *     the namespace filter does not apply
   * @param labels the object's labels; null meaning none
   */
  public boolean includesObject(String namespace, String name, Map<String, String> labels) {
    boolean clusterScoped = namespace == null || namespace.isEmpty();
    return (clusterScoped || includesNamespace(namespace))
        && names.includes(name)
        && matchesLabels(labels);
  }

  /**
   * The label selector to send with LIST requests (its {@code toString()} is the {@code
   * labelSelector} query parameter), present when exactly one selector applies. With several
   * OR-selectors the server cannot combine them, so items are filtered client-side by {@link
   * #includesObject} instead.
   */
  public Optional<LabelSelector> serverSideLabelSelector() {
    return labelSelectors.size() == 1 ? Optional.of(labelSelectors.get(0)) : Optional.empty();
  }

  /** E.g. {@code namespaces=[app-*] except [app-test], resources=*, names=*, labels=app=web}. */
  @Override
  public String toString() {
    String labels =
        switch (labelSelectors.size()) {
          case 0 -> "*";
          case 1 -> labelSelectors.get(0).toString();
          default -> "any of " + labelSelectors;
        };
    return "namespaces="
        + namespaces
        + ", resources="
        + resources
        + ", names="
        + names
        + ", labels="
        + labels;
  }

  private static <P extends Predicate<V>, V> IncludeExclude<V> includeExclude(
      List<String> includeTexts,
      List<String> excludeTexts,
      Function<String, P> parser,
      Predicate<P> isMatchAll,
      String what) {
    List<P> includes = includeTexts.stream().map(parser).toList();
    List<P> excludes = excludeTexts.stream().map(parser).toList();
    if (excludes.stream().anyMatch(isMatchAll)) {
      throw new IllegalArgumentException(
          "The excluded " + what + " cannot contain '*': that would exclude everything");
    }
    boolean includesAll = includes.stream().anyMatch(isMatchAll);
    return new IncludeExclude<>(includesAll ? List.of() : includes, excludes);
  }

  private static List<LabelSelector> labelSelectors(
      String labelSelector, List<String> orLabelSelectors) {
    boolean hasLabelSelector = labelSelector != null && !labelSelector.isBlank();
    if (hasLabelSelector && !orLabelSelectors.isEmpty()) {
      throw new IllegalArgumentException(
          "A label selector ("
              + labelSelector
              + ") and OR label selectors ("
              + String.join(" | ", orLabelSelectors)
              + ") cannot be combined, as in Velero; add the label selector's requirements to"
              + " each OR selector instead");
    }
    List<LabelSelector> selectors =
        hasLabelSelector
            ? List.of(LabelSelector.parse(labelSelector))
            : orLabelSelectors.stream().map(LabelSelector::parse).toList();
    // An empty selector matches everything, and so does any OR that contains one.
    boolean matchesEverything = selectors.stream().anyMatch(LabelSelector::isEmpty);
    return matchesEverything ? List.of() : selectors.stream().distinct().toList();
  }

  /**
   * Collects CLI-style lists. Each method adds to what earlier calls gave, so a repeated option
   * accumulates; {@link #build()} validates everything.
   */
  public static final class Builder {

    private final List<String> includedNamespaces = new ArrayList<>();
    private final List<String> excludedNamespaces = new ArrayList<>();
    private final List<String> includedResources = new ArrayList<>();
    private final List<String> excludedResources = new ArrayList<>();
    private final List<String> includedNames = new ArrayList<>();
    private final List<String> orLabelSelectors = new ArrayList<>();
    private String labelSelector;

    private Builder() {}

    /** Namespace globs to include; none means all. */
    public Builder includeNamespaces(Collection<String> patterns) {
      includedNamespaces.addAll(patterns);
      return this;
    }

    /** Namespace globs to exclude; they win over the includes. */
    public Builder excludeNamespaces(Collection<String> patterns) {
      excludedNamespaces.addAll(patterns);
      return this;
    }

    /** {@link ResourcePattern}s to include; none means all. */
    public Builder includeResources(Collection<String> patterns) {
      includedResources.addAll(patterns);
      return this;
    }

    /** {@link ResourcePattern}s to exclude; they win over the includes. */
    public Builder excludeResources(Collection<String> patterns) {
      excludedResources.addAll(patterns);
      return this;
    }

    /** Object name globs to include; none means all. */
    public Builder includeNames(Collection<String> patterns) {
      includedNames.addAll(patterns);
      return this;
    }

    /** A {@link LabelSelector} that every object must match; null or blank for none. */
    public Builder labelSelector(String selector) {
      this.labelSelector = selector;
      return this;
    }

    /** {@link LabelSelector}s of which an object must match at least one. */
    public Builder orLabelSelectors(Collection<String> selectors) {
      orLabelSelectors.addAll(selectors);
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the offending entry when a pattern or selector is
     *     invalid, an exclude list contains {@code *}, or both kinds of label selector are given
     */
    public Selection build() {
      return new Selection(this);
    }
  }
}
