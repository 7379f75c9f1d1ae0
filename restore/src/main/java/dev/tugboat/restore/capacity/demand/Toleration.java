package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import dev.tugboat.restore.capacity.model.Taint;

/**
 * A pod's toleration. {@code Exists} tolerates any value, {@code Equal} (the default) only its own;
 * an empty key with {@code Exists} tolerates every taint; an empty effect matches every effect.
 */
record Toleration(String key, String operator, String value, String effect) {

  static Toleration read(JsonObject toleration) {
    return new Toleration(
        JsonPaths.string(toleration, "key").orElse(""),
        JsonPaths.string(toleration, "operator").orElse("Equal"),
        JsonPaths.string(toleration, "value").orElse(""),
        JsonPaths.string(toleration, "effect").orElse(""));
  }

  boolean tolerates(Taint taint) {
    if (!effect.isEmpty() && !effect.equals(taint.effect())) {
      return false;
    }
    if (key.isEmpty()) {
      return operator.equals("Exists");
    }
    if (!key.equals(taint.key())) {
      return false;
    }
    return operator.equals("Exists") || (operator.equals("Equal") && value.equals(taint.value()));
  }
}
