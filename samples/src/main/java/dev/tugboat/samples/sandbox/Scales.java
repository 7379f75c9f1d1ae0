package dev.tugboat.samples.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code autoscaling/v1 Scale} view of a workload ({@code /scale} subresource): its desired
 * replicas in {@code spec}, its current replicas and label selector in {@code status}.
 */
final class Scales {

  private Scales() {}

  static JsonObject of(JsonObject workload) {
    JsonObject metadata = JsonFields.object(workload, "metadata");
    JsonObject scaleMetadata = new JsonObject();
    for (String field :
        List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (metadata.has(field)) {
        scaleMetadata.add(field, metadata.get(field).deepCopy());
      }
    }
    JsonObject scale = new JsonObject();
    scale.addProperty("kind", "Scale");
    scale.addProperty("apiVersion", "autoscaling/v1");
    scale.add("metadata", scaleMetadata);
    JsonObject spec = new JsonObject();
    spec.addProperty("replicas", replicas(JsonFields.object(workload, "spec"), 1));
    scale.add("spec", spec);
    JsonObject status = new JsonObject();
    status.addProperty("replicas", replicas(JsonFields.object(workload, "status"), 0));
    String selector = selector(JsonFields.object(workload, "spec", "selector"));
    if (!selector.isEmpty()) {
      status.addProperty("selector", selector);
    }
    scale.add("status", status);
    return scale;
  }

  /** The desired replicas a Scale document asks for. */
  static int desiredReplicas(JsonObject scale) {
    JsonObject spec = JsonFields.object(scale, "spec");
    JsonElement replicas = spec == null ? null : spec.get("replicas");
    if (replicas == null
        || !replicas.isJsonPrimitive()
        || !replicas.getAsJsonPrimitive().isNumber()) {
      throw new ApiError(
          422, "Invalid", "Scale.autoscaling \"\" is invalid: spec.replicas: Required value");
    }
    int value = replicas.getAsInt();
    if (value < 0) {
      throw new ApiError(
          422,
          "Invalid",
          "Scale.autoscaling is invalid: spec.replicas: Invalid value: "
              + value
              + ": must be greater than or equal to 0");
    }
    return value;
  }

  private static int replicas(JsonObject holder, int absent) {
    JsonElement replicas = holder == null ? null : holder.get("replicas");
    return replicas != null && replicas.isJsonPrimitive() ? replicas.getAsInt() : absent;
  }

  /** A {@code LabelSelector} object as a selector string, e.g. {@code app=web,tier in (a,b)}. */
  private static String selector(JsonObject selector) {
    if (selector == null) {
      return "";
    }
    List<String> terms = new ArrayList<>();
    JsonFields.stringMap(selector, "matchLabels") // sorted by key, as Kubernetes prints them
        .forEach((key, value) -> terms.add(key + "=" + value));
    JsonElement expressions = selector.get("matchExpressions");
    if (expressions != null && expressions.isJsonArray()) {
      for (JsonElement element : expressions.getAsJsonArray()) {
        terms.add(expression(element.getAsJsonObject()));
      }
    }
    return String.join(",", terms);
  }

  private static String expression(JsonObject expression) {
    String key = JsonFields.string(expression, "key");
    String operator = JsonFields.string(expression, "operator");
    List<String> values = new ArrayList<>();
    JsonElement array = expression.get("values");
    if (array != null && array.isJsonArray()) {
      array.getAsJsonArray().forEach(value -> values.add(value.getAsString()));
    }
    return switch (operator == null ? "" : operator) {
      case "In" -> key + " in (" + String.join(",", values) + ")";
      case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
      case "DoesNotExist" -> "!" + key;
      default -> key;
    };
  }
}
