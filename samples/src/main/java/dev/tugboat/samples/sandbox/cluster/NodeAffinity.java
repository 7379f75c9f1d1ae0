package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Whether a pod may run on a node by its {@code nodeSelector} and its required node affinity
 * ({@code requiredDuringSchedulingIgnoredDuringExecution}): the scheduler's NodeAffinity filter.
 * Node selector terms are alternatives; the requirements of one term must all hold; an empty term
 * matches no node.
 */
final class NodeAffinity {

  private NodeAffinity() {}

  /**
   * @param podSpec the pod's (or pod template's) {@code spec}
   */
  static boolean matches(JsonObject podSpec, JsonObject node) {
    Map<String, String> labels = JsonFields.labels(node);
    for (Map.Entry<String, String> wanted :
        JsonFields.stringMap(podSpec, "nodeSelector").entrySet()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return false;
      }
    }
    JsonObject required =
        JsonFields.object(
            podSpec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
    if (required == null) {
      return true;
    }
    return JsonFields.objects(required, "nodeSelectorTerms").stream()
        .anyMatch(term -> termMatches(term, labels, JsonFields.name(node)));
  }

  private static boolean termMatches(JsonObject term, Map<String, String> labels, String nodeName) {
    List<JsonObject> expressions = JsonFields.objects(term, "matchExpressions");
    List<JsonObject> fields = JsonFields.objects(term, "matchFields");
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    return expressions.stream().allMatch(expression -> requirementHolds(expression, labels))
        && fields.stream()
            // metadata.name is the only field Kubernetes allows here
            .allMatch(
                field ->
                    "metadata.name".equals(JsonFields.string(field, "key"))
                        && requirementHolds(field, Map.of("metadata.name", nodeName)));
  }

  private static boolean requirementHolds(JsonObject requirement, Map<String, String> values) {
    String key = JsonFields.string(requirement, "key");
    List<String> wanted = JsonFields.strings(requirement, "values");
    String actual = values.get(key);
    String operator = JsonFields.string(requirement, "operator");
    if (operator == null) {
      return false;
    }
    return switch (operator) {
      case "In" -> actual != null && wanted.contains(actual);
      case "NotIn" -> actual == null || !wanted.contains(actual);
      case "Exists" -> actual != null;
      case "DoesNotExist" -> actual == null;
      case "Gt" -> compareAsIntegers(actual, wanted) > 0;
      case "Lt" -> compareAsIntegers(actual, wanted) < 0;
      default -> false;
    };
  }

  /**
   * Compares a label to the single value of a Gt/Lt requirement; 0 (neither greater nor less) when
   * either is missing or not an integer, so that the requirement fails.
   */
  private static int compareAsIntegers(String actual, List<String> wanted) {
    if (actual == null || wanted.size() != 1) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(actual), Long.parseLong(wanted.get(0)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
