package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Objects;

/**
 * The {@code status.conditions} list of Kubernetes objects: one entry per type, whose {@code
 * lastTransitionTime} moves only when its status changes. Setting a condition to what it already
 * says changes nothing, so controllers can set conditions on every pass and still go quiet.
 */
public final class Conditions {

  private Conditions() {}

  /**
   * Sets a condition in {@code status}.
   *
   * @param reason null to leave it out
   * @param message null to leave it out
   * @param withUpdateTime whether the type carries {@code lastUpdateTime} (Deployments do)
   */
  public static void set(
      JsonObject status,
      String type,
      String conditionStatus,
      String reason,
      String message,
      String now,
      boolean withUpdateTime) {
    JsonArray conditions = JsonFields.childArray(status, "conditions");
    int index = indexOf(conditions, type);
    JsonObject existing = index < 0 ? null : conditions.get(index).getAsJsonObject();
    if (existing != null
        && conditionStatus.equals(JsonFields.string(existing, "status"))
        && Objects.equals(reason, JsonFields.string(existing, "reason"))
        && Objects.equals(message, JsonFields.string(existing, "message"))) {
      return;
    }
    String transitionTime =
        existing != null && conditionStatus.equals(JsonFields.string(existing, "status"))
            ? JsonFields.string(existing, "lastTransitionTime")
            : now;
    JsonObject condition = new JsonObject();
    condition.addProperty("type", type);
    condition.addProperty("status", conditionStatus);
    if (withUpdateTime) {
      condition.addProperty("lastUpdateTime", now);
    }
    condition.addProperty("lastTransitionTime", transitionTime);
    if (reason != null) {
      condition.addProperty("reason", reason);
    }
    if (message != null) {
      condition.addProperty("message", message);
    }
    if (index < 0) {
      conditions.add(condition);
    } else {
      conditions.set(index, condition);
    }
  }

  /** Removes a condition, and the list when that was the last one. */
  static void remove(JsonObject status, String type) {
    JsonElement conditions = status.get("conditions");
    if (conditions != null && conditions.isJsonArray()) {
      int index = indexOf(conditions.getAsJsonArray(), type);
      if (index >= 0) {
        conditions.getAsJsonArray().remove(index);
        if (conditions.getAsJsonArray().isEmpty()) {
          status.remove("conditions");
        }
      }
    }
  }

  /** The condition of this type in the object's status, or null. */
  public static JsonObject find(JsonObject object, String type) {
    for (JsonObject condition : JsonFields.objects(object, "status", "conditions")) {
      if (type.equals(JsonFields.string(condition, "type"))) {
        return condition;
      }
    }
    return null;
  }

  /** Whether the object's condition of this type has status {@code True}. */
  public static boolean isTrue(JsonObject object, String type) {
    JsonObject condition = find(object, type);
    return condition != null && "True".equals(JsonFields.string(condition, "status"));
  }

  private static int indexOf(JsonArray conditions, String type) {
    for (int i = 0; i < conditions.size(); i++) {
      JsonElement condition = conditions.get(i);
      if (condition.isJsonObject()
          && type.equals(JsonFields.string(condition.getAsJsonObject(), "type"))) {
        return i;
      }
    }
    return -1;
  }
}
