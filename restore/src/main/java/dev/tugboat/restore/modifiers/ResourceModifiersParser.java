package dev.tugboat.restore.modifiers;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.tugboat.core.selection.LabelRequirement;
import dev.tugboat.core.selection.LabelSelector;
import dev.tugboat.restore.modifiers.JsonPatchOperation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads Velero's resource modifiers YAML ({@code internal/resourcemodifiers}):
 *
 * <pre>{@code
 * version: v1
 * resourceModifierRules:
 * - conditions:
 *     groupResource: deployments.apps      # glob, required
 *     resourceNameRegex: "^web-.*$"
 *     namespaces: [shop, "team-*"]         # globs
 *     labelSelector: {matchLabels: {app: web}, matchExpressions: [{key, operator, values}]}
 *     matches: [{path: /spec/replicas, value: "3"}]
 *   patches: [{operation: replace, path: /spec/replicas, value: "1"}]   # or:
 *   mergePatches: [{patchData: "<YAML or JSON object>"}]                 # or:
 *   strategicPatches: [{patchData: "<YAML or JSON object>"}]
 * }</pre>
 *
 * Everything Velero rejects when it validates the file is rejected here too (version other than v1,
 * no rules, empty groupResource, two kinds of patch in one rule, unknown operation or field, empty
 * path), and so is what Velero would only find out item by item: a rule without patch, an invalid
 * glob, regular expression, label selector, JSON pointer or JSON value, a {@code move} or {@code
 * copy} without {@code from}, a patchData that is not an object, an unsupported strategic-merge
 * directive.
 */
final class ResourceModifiersParser {

  private static final String SUPPORTED_VERSION = "v1";

  private ResourceModifiersParser() {}

  static List<ModifierRule> parse(String yaml) {
    JsonElement document;
    try {
      document = YamlToJson.convert(yaml);
    } catch (IllegalArgumentException e) {
      throw new FieldValue("", JsonNull.INSTANCE).invalid(e.getMessage(), e);
    }
    FieldValue root =
        new FieldValue("", document).object(Set.of("version", "resourceModifierRules"));
    if (root.isMissing()) {
      throw root.invalid("must be an object with version and resourceModifierRules");
    }
    FieldValue version = root.field("version");
    if (!version.text().equalsIgnoreCase(SUPPORTED_VERSION)) {
      throw version.invalid("unsupported version '" + version.text() + "' (only v1)");
    }
    List<FieldValue> ruleValues = root.field("resourceModifierRules").list();
    if (ruleValues.isEmpty()) {
      throw root.field("resourceModifierRules").invalid("there must be at least one rule");
    }
    List<ModifierRule> rules = new ArrayList<>();
    for (int i = 0; i < ruleValues.size(); i++) {
      rules.add(rule(i, ruleValues.get(i)));
    }
    return rules;
  }

  private static ModifierRule rule(int index, FieldValue rule) {
    rule.object(Set.of("conditions", "patches", "mergePatches", "strategicPatches"));
    RuleConditions conditions = conditions(rule.field("conditions"));
    List<FieldValue> patches = rule.field("patches").list();
    List<FieldValue> mergePatches = rule.field("mergePatches").list();
    List<FieldValue> strategicPatches = rule.field("strategicPatches").list();
    long kinds =
        List.of(patches, mergePatches, strategicPatches).stream()
            .filter(list -> !list.isEmpty())
            .count();
    if (kinds > 1) {
      throw rule.invalid("only one of patches, mergePatches and strategicPatches may be given");
    }
    ItemPatch patch;
    if (!patches.isEmpty()) {
      patch = new JsonPatch(patches.stream().map(ResourceModifiersParser::operation).toList());
    } else if (!mergePatches.isEmpty()) {
      patch = new JsonMergePatch(patchData(mergePatches, false));
    } else if (!strategicPatches.isEmpty()) {
      patch = new StrategicMergePatch(patchData(strategicPatches, true));
    } else {
      throw rule.invalid("one of patches, mergePatches and strategicPatches is required");
    }
    return new ModifierRule(index, conditions, patch);
  }

  private static RuleConditions conditions(FieldValue conditions) {
    conditions.object(
        Set.of("groupResource", "resourceNameRegex", "namespaces", "labelSelector", "matches"));
    FieldValue groupResource = conditions.field("groupResource");
    if (groupResource.text().isEmpty()) {
      throw groupResource.invalid("is required, e.g. 'pods' or 'deployments.apps' or '*.apps'");
    }
    List<Pattern> namespaces = new ArrayList<>();
    for (FieldValue namespace : conditions.field("namespaces").list()) {
      namespaces.add(glob(namespace, false));
    }
    FieldValue nameRegex = conditions.field("resourceNameRegex");
    List<FieldMatch> matches = new ArrayList<>();
    for (FieldValue match : conditions.field("matches").list()) {
      match.object(Set.of("path", "value"));
      matches.add(new FieldMatch(pointer(match.field("path")), value(match.field("value"))));
    }
    return new RuleConditions(
        glob(groupResource, true),
        namespaces,
        nameRegex.text().isEmpty() ? Optional.empty() : Optional.of(regex(nameRegex)),
        labelSelector(conditions.field("labelSelector")),
        matches);
  }

  private static Pattern glob(FieldValue glob, boolean dotSeparated) {
    try {
      return VeleroGlob.compile(glob.text(), dotSeparated);
    } catch (IllegalArgumentException e) {
      throw glob.invalid(e.getMessage(), e);
    }
  }

  private static Pattern regex(FieldValue regex) {
    try {
      return Pattern.compile(regex.text());
    } catch (PatternSyntaxException e) {
      throw regex.invalid(
          "'" + regex.text() + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /** Kubernetes' {@code metav1.LabelSelector}, as batch-core's selector. */
  private static Optional<LabelSelector> labelSelector(FieldValue selector) {
    if (selector.object(Set.of("matchLabels", "matchExpressions")).isMissing()) {
      return Optional.empty();
    }
    List<LabelRequirement> requirements = new ArrayList<>();
    try {
      for (Map.Entry<String, String> label : selector.field("matchLabels").textMap().entrySet()) {
        requirements.add(
            new LabelRequirement(
                label.getKey(), LabelRequirement.Operator.EQUALS, List.of(label.getValue())));
      }
      for (FieldValue expression : selector.field("matchExpressions").list()) {
        requirements.add(labelExpression(expression));
      }
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidResourceModifiersException invalid) {
        throw invalid;
      }
      throw selector.invalid(e.getMessage(), e);
    }
    // batch-core's selector is built from its text form; requirements print in that syntax.
    return Optional.of(
        LabelSelector.parse(
            requirements.stream().map(Object::toString).collect(Collectors.joining(","))));
  }

  private static LabelRequirement labelExpression(FieldValue expression) {
    expression.object(Set.of("key", "operator", "values"));
    FieldValue operatorValue = expression.field("operator");
    LabelRequirement.Operator operator =
        switch (operatorValue.text()) {
          case "In" -> LabelRequirement.Operator.IN;
          case "NotIn" -> LabelRequirement.Operator.NOT_IN;
          case "Exists" -> LabelRequirement.Operator.EXISTS;
          case "DoesNotExist" -> LabelRequirement.Operator.DOES_NOT_EXIST;
          default ->
              throw operatorValue.invalid(
                  "'" + operatorValue.text() + "' is not In, NotIn, Exists or DoesNotExist");
        };
    List<String> values = expression.field("values").list().stream().map(FieldValue::text).toList();
    try {
      return new LabelRequirement(expression.field("key").text(), operator, values);
    } catch (IllegalArgumentException e) {
      throw expression.invalid(e.getMessage(), e);
    }
  }

  private static JsonPatchOperation operation(FieldValue operation) {
    operation.object(Set.of("operation", "from", "path", "value"));
    FieldValue name = operation.field("operation");
    Operation kind;
    try {
      kind = Operation.parse(name.text());
    } catch (IllegalArgumentException e) {
      throw name.invalid(e.getMessage(), e);
    }
    FieldValue from = operation.field("from");
    if (kind.needsFrom() && from.text().isEmpty()) {
      throw from.invalid("is required by '" + kind + "'");
    }
    return new JsonPatchOperation(
        kind,
        pointer(operation.field("path")),
        kind.needsFrom() ? pointer(from) : null,
        kind.needsValue() ? value(operation.field("value")) : null);
  }

  private static JsonPointer pointer(FieldValue path) {
    if (path.text().isEmpty()) {
      throw path.invalid("is required");
    }
    try {
      return JsonPointer.parse(path.text());
    } catch (IllegalArgumentException e) {
      throw path.invalid(e.getMessage(), e);
    }
  }

  private static JsonElement value(FieldValue value) {
    try {
      return PatchValues.parse(value.text());
    } catch (IllegalArgumentException e) {
      throw value.invalid(e.getMessage(), e);
    }
  }

  private static List<JsonObject> patchData(List<FieldValue> patches, boolean strategic) {
    List<JsonObject> objects = new ArrayList<>();
    for (FieldValue patch : patches) {
      patch.object(Set.of("patchData"));
      FieldValue data = patch.field("patchData");
      JsonElement parsed;
      try {
        parsed = YamlToJson.convert(data.text());
      } catch (IllegalArgumentException e) {
        throw data.invalid(e.getMessage(), e);
      }
      if (!parsed.isJsonObject()) {
        throw data.invalid("must be a YAML or JSON object");
      }
      if (strategic) {
        checkDirectives(data, parsed);
      }
      objects.add(parsed.getAsJsonObject());
    }
    return objects;
  }

  /** Rejects the strategic-merge directives {@link StrategicMergePatch} does not apply. */
  private static void checkDirectives(FieldValue data, JsonElement value) {
    if (value.isJsonArray()) {
      value.getAsJsonArray().forEach(element -> checkDirectives(data, element));
    }
    if (!value.isJsonObject()) {
      return;
    }
    for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
      String key = entry.getKey();
      if (key.equals(StrategicMergePatch.DIRECTIVE)) {
        if (!StrategicMergePatch.isSupportedDirective(entry.getValue())) {
          throw data.invalid(
              "'$patch: " + entry.getValue() + "' is not supported (only replace and delete)");
        }
      } else if (key.startsWith("$")) {
        throw data.invalid("the directive '" + key + "' is not supported");
      }
      checkDirectives(data, entry.getValue());
    }
  }
}
