package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.List;
import java.util.Set;

/** Taints and tolerations, matched as Kubernetes does. */
final class Taints {

  /** The effects that keep pods off a node; {@code PreferNoSchedule} only steers scoring. */
  static final Set<String> SCHEDULING_EFFECTS = Set.of("NoSchedule", "NoExecute");

  private Taints() {}

  static JsonObject taint(String key, String value, String effect) {
    JsonObject taint = new JsonObject();
    taint.addProperty("key", key);
    if (value != null) {
      taint.addProperty("value", value);
    }
    taint.addProperty("effect", effect);
    return taint;
  }

  /** The first taint with one of {@code effects} that no toleration tolerates, or null. */
  static JsonObject firstUntolerated(
      List<JsonObject> taints, List<JsonObject> tolerations, Set<String> effects) {
    for (JsonObject taint : taints) {
      if (effects.contains(JsonFields.string(taint, "effect"))
          && tolerations.stream().noneMatch(toleration -> tolerates(toleration, taint))) {
        return taint;
      }
    }
    return null;
  }

  /** Kubernetes' {@code Toleration.ToleratesTaint}. */
  static boolean tolerates(JsonObject toleration, JsonObject taint) {
    String effect = blankToNull(JsonFields.string(toleration, "effect"));
    String key = blankToNull(JsonFields.string(toleration, "key"));
    if (effect != null && !effect.equals(JsonFields.string(taint, "effect"))) {
      return false;
    }
    if (key != null && !key.equals(JsonFields.string(taint, "key"))) {
      return false;
    }
    String operator = JsonFields.string(toleration, "operator");
    if (operator == null || operator.isEmpty() || "Equal".equals(operator)) {
      return nullToEmpty(JsonFields.string(toleration, "value"))
          .equals(nullToEmpty(JsonFields.string(taint, "value")));
    }
    return "Exists".equals(operator);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
