package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The floor of each workload (migration.md section 5, "Per-app floor"): the largest of 1, the
 * plan's {@code minReplicas}, the {@code minReplicas} of a HorizontalPodAutoscaler whose {@code
 * scaleTargetRef} names the workload, and the floor of each PodDisruptionBudget whose selector
 * matches its pod template's labels; never above the source replicas. For a budget of R source
 * replicas:
 *
 * <ul>
 *   <li>{@code minAvailable: k} gives k + 1, so that at the floor one pod may still be evicted and
 *       the budget does not block every node drain;
 *   <li>{@code minAvailable: p%} gives ceil(p% of R) + 1, rounding up as the disruption controller
 *       does;
 *   <li>{@code maxUnavailable: m} gives R - m, and {@code m%} gives R - ceil(m% of R): the
 *       availability the owner accepts. No + 1 here: the budget allows m evictions at any replica
 *       count, so it never blocks drains (except m = 0, which pins the workload at R).
 * </ul>
 *
 * Objects are matched within the workload's namespace. A DaemonSet has no floor: it runs one pod
 * per eligible node and is not degraded.
 */
public final class Floors {

  private final List<JsonObject> autoscalers;
  private final List<JsonObject> disruptionBudgets;

  private Floors(List<JsonObject> autoscalers, List<JsonObject> disruptionBudgets) {
    this.autoscalers = List.copyOf(autoscalers);
    this.disruptionBudgets = List.copyOf(disruptionBudgets);
  }

  /**
   * @param autoscalers the backup's HorizontalPodAutoscaler objects
   * @param disruptionBudgets the backup's PodDisruptionBudget objects
   */
  public static Floors from(List<JsonObject> autoscalers, List<JsonObject> disruptionBudgets) {
    return new Floors(autoscalers, disruptionBudgets);
  }

  /**
   * @param planMinReplicas the plan's {@code minReplicas} for the workload's application, if any
   * @throws IllegalArgumentException for a workload with one pod per eligible node
   */
  public Floor of(Workload workload, OptionalInt planMinReplicas) {
    if (workload.replicas().onePerEligibleNode()) {
      throw new IllegalArgumentException(
          workload.describe() + " runs one pod per eligible node and has no replica floor");
    }
    int source = workload.replicas().count();
    Floor floor = new Floor(1, "default");
    if (planMinReplicas.isPresent()) {
      floor = higher(floor, new Floor(planMinReplicas.getAsInt(), "plan minReplicas"));
    }
    for (JsonObject autoscaler : autoscalers) {
      if (sameNamespace(autoscaler, workload) && targets(autoscaler, workload)) {
        int min = integer(autoscaler, "spec", "minReplicas").orElse(1);
        floor = higher(floor, new Floor(min, describe(autoscaler) + " minReplicas " + min));
      }
    }
    for (JsonObject budget : disruptionBudgets) {
      if (sameNamespace(budget, workload)
          && PodLabelSelector.read(JsonPaths.object(budget, "spec", "selector"))
              .matches(workload.templateLabels())) {
        floor = higher(floor, budgetFloor(budget, source));
      }
    }
    return floor.replicas() > source ? new Floor(source, "source replicas") : floor;
  }

  private static Floor budgetFloor(JsonObject budget, int source) {
    String name = describe(budget);
    Optional<JsonElement> minAvailable = JsonPaths.element(budget, "spec", "minAvailable");
    Optional<JsonElement> maxUnavailable = JsonPaths.element(budget, "spec", "maxUnavailable");
    if (minAvailable.isPresent()) {
      JsonElement value = minAvailable.get();
      int min = scaled(value, source, name);
      return new Floor(min + 1, name + " minAvailable " + value.getAsString());
    }
    if (maxUnavailable.isPresent()) {
      JsonElement value = maxUnavailable.get();
      int max = scaled(value, source, name);
      return new Floor(source - max, name + " maxUnavailable " + value.getAsString());
    }
    return new Floor(1, "default");
  }

  /** An int-or-percent of {@code total}, a percentage rounded up. */
  private static int scaled(JsonElement value, int total, String owner) {
    String text = value.getAsString().trim();
    try {
      if (text.endsWith("%")) {
        int percent = Integer.parseInt(text.substring(0, text.length() - 1));
        return (percent * total + 99) / 100;
      }
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          owner + ": '" + text + "' is neither a count nor a percentage", e);
    }
  }

  private static Floor higher(Floor current, Floor candidate) {
    return candidate.replicas() > current.replicas() ? candidate : current;
  }

  private static boolean sameNamespace(JsonObject object, Workload workload) {
    return JsonPaths.string(object, "metadata", "namespace")
        .filter(workload.namespace()::equals)
        .isPresent();
  }

  private static boolean targets(JsonObject autoscaler, Workload workload) {
    return JsonPaths.string(autoscaler, "spec", "scaleTargetRef", "kind")
            .filter(workload.kind()::equals)
            .isPresent()
        && JsonPaths.string(autoscaler, "spec", "scaleTargetRef", "name")
            .filter(workload.name()::equals)
            .isPresent();
  }

  private static OptionalInt integer(JsonObject object, String... path) {
    return JsonPaths.element(object, path)
        .filter(JsonElement::isJsonPrimitive)
        .map(value -> OptionalInt.of(value.getAsInt()))
        .orElse(OptionalInt.empty());
  }

  /** E.g. {@code PodDisruptionBudget web-pdb}. */
  private static String describe(JsonObject object) {
    return JsonPaths.string(object, "kind").orElse("object")
        + " "
        + JsonPaths.string(object, "metadata", "name").orElse("");
  }
}
