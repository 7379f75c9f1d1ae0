package dev.tugboat.restore.capacity.plan;

import dev.tugboat.core.selection.LabelRequirement;
import dev.tugboat.core.selection.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the plan's {@code applications} and checks them against each other. */
final class ApplicationsParser {

  private static final String TIER_RULE = "must be 0, 1, 2 or 3";

  private ApplicationsParser() {}

  static List<PlanApplication> parse(PlanField applications) {
    List<PlanApplication> parsed = new ArrayList<>();
    Map<String, Integer> indexByName = new HashMap<>();
    for (PlanField field : applications.list()) {
      PlanApplication application = application(field);
      Integer earlier = indexByName.putIfAbsent(application.name(), parsed.size());
      if (earlier != null) {
        throw field
            .field("name")
            .invalid(
                "'"
                    + application.name()
                    + "' is already the name of "
                    + applications.path()
                    + "["
                    + earlier
                    + "]");
      }
      checkOverlap(field, application, parsed, applications.path());
      parsed.add(application);
    }
    return parsed;
  }

  /** A tier: 0 to 3, or {@link PlanApplication#DEFAULT_TIER} when missing. */
  static int tier(PlanField tier) {
    return tier.isMissing()
        ? PlanApplication.DEFAULT_TIER
        : tier.wholeNumber(PlanApplication.CORE_TIER, PlanApplication.SHEDDABLE_TIER, TIER_RULE);
  }

  private static PlanApplication application(PlanField application) {
    if (application.isMissing()) {
      throw application.invalid("must be an application, not empty");
    }
    application.object(Set.of("name", "tier", "selector", "minReplicas", "priority"));
    String name = PlanNames.dnsLabel(application.field("name"));
    int tier = tier(application.field("tier"));
    PlanField minField = application.field("minReplicas");
    OptionalInt minReplicas =
        minField.isMissing()
            ? OptionalInt.empty()
            : OptionalInt.of(
                minField.wholeNumber(0, Integer.MAX_VALUE, "must be a whole number, 0 or more"));
    if (minReplicas.equals(OptionalInt.of(0)) && tier != PlanApplication.SHEDDABLE_TIER) {
      throw minField.invalid(
          "may be 0 only in tier 3 (sheddable), and this application is in tier " + tier);
    }
    PlanField priorityField = application.field("priority");
    int priority =
        priorityField.isMissing()
            ? 0
            : priorityField.wholeNumber(
                Integer.MIN_VALUE, Integer.MAX_VALUE, "must be a whole number");
    return new PlanApplication(
        name, tier, selector(application.field("selector")), minReplicas, priority);
  }

  private static ApplicationSelector selector(PlanField selector) {
    if (selector.isMissing()) {
      throw selector.invalid("is required, with at least namespaces");
    }
    selector.object(Set.of("namespaces", "kinds", "names", "labelSelector"));
    PlanField namespaces = selector.field("namespaces");
    if (namespaces.list().isEmpty()) {
      throw namespaces.invalid("at least one namespace is required");
    }
    PlanField names = selector.field("names");
    PlanField labels = selector.field("labelSelector");
    if (!names.list().isEmpty() && !labels.isMissing()) {
      throw selector.invalid(
          "give names or labelSelector, not both (Karmada ignores labelSelector when a name is"
              + " set)");
    }
    return new ApplicationSelector(
        distinct(namespaces, PlanNames::dnsLabel),
        distinct(selector.field("kinds"), PlanNames::kind),
        distinct(names, PlanNames::objectName),
        labelSelector(labels));
  }

  /** The texts of a list, each checked, none repeated. */
  private static List<String> distinct(PlanField list, Function<PlanField, String> check) {
    Set<String> texts = new LinkedHashSet<>();
    for (PlanField element : list.list()) {
      String text = check.apply(element);
      if (!texts.add(text)) {
        throw element.invalid("'" + text + "' is listed twice");
      }
    }
    return List.copyOf(texts);
  }

  /** Kubernetes' {@code metav1.LabelSelector}: matchLabels and matchExpressions, all ANDed. */
  private static LabelSelector labelSelector(PlanField selector) {
    if (selector.object(Set.of("matchLabels", "matchExpressions")).isMissing()) {
      return LabelSelector.everything();
    }
    List<LabelRequirement> requirements = new ArrayList<>();
    for (Map.Entry<String, PlanField> label : selector.field("matchLabels").entries().entrySet()) {
      requirements.add(
          requirement(
              label.getValue(),
              label.getKey(),
              LabelRequirement.Operator.EQUALS,
              List.of(label.getValue().text())));
    }
    for (PlanField expression : selector.field("matchExpressions").list()) {
      requirements.add(expression(expression));
    }
    // batch-core's selector is built from its text form; requirements print in that syntax.
    return LabelSelector.parse(
        requirements.stream().map(Object::toString).collect(Collectors.joining(",")));
  }

  private static LabelRequirement expression(PlanField expression) {
    expression.object(Set.of("key", "operator", "values"));
    PlanField operatorField = expression.field("operator");
    String operatorName = PlanNames.required(operatorField);
    LabelRequirement.Operator operator =
        switch (operatorName) {
          case "In" -> LabelRequirement.Operator.IN;
          case "NotIn" -> LabelRequirement.Operator.NOT_IN;
          case "Exists" -> LabelRequirement.Operator.EXISTS;
          case "DoesNotExist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
          default ->
              throw operatorField.invalid(
                  "must be In, NotIn, Exists or DoesNotExist, not '" + operatorName + "'");
        };
    List<String> values = expression.field("values").list().stream().map(PlanField::text).toList();
    return requirement(expression, PlanNames.required(expression.field("key")), operator, values);
  }

  private static LabelRequirement requirement(
      PlanField where, String key, LabelRequirement.Operator operator, List<String> values) {
    try {
      return new LabelRequirement(key, operator, values);
    } catch (IllegalArgumentException e) {
      throw where.invalid(e.getMessage(), e);
    }
  }

  /**
   * Rejects an application whose selector, namespaces aside, equals an earlier one's and shares a
   * namespace with it: both would claim the same objects there, and which one wins would depend on
   * the order of the file. Selectors that merely overlap (all kinds vs. Deployments) are fine:
   * {@link PlanApplication#priority()} settles them.
   */
  private static void checkOverlap(
      PlanField field, PlanApplication application, List<PlanApplication> earlier, String path) {
    ApplicationSelector selector = application.selector();
    for (int i = 0; i < earlier.size(); i++) {
      ApplicationSelector other = earlier.get(i).selector();
      Set<String> shared = new LinkedHashSet<>(selector.namespaces());
      shared.retainAll(other.namespaces());
      boolean sameObjects =
          Set.copyOf(selector.kinds()).equals(Set.copyOf(other.kinds()))
              && Set.copyOf(selector.names()).equals(Set.copyOf(other.names()))
              && selector.labelSelector().equals(other.labelSelector());
      if (sameObjects && !shared.isEmpty()) {
        throw field
            .field("selector")
            .invalid(
                "selects the same objects as "
                    + path
                    + "["
                    + i
                    + "] ('"
                    + earlier.get(i).name()
                    + "') in namespace(s) "
                    + shared
                    + "; tell them apart by kinds, names or labelSelector");
      }
    }
  }
}
