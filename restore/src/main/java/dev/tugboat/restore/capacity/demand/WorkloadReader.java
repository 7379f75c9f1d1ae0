package dev.tugboat.restore.capacity.demand;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tugboat.core.json.JsonPaths;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a backed-up object into the {@link Workload} it will run on the target, or nothing when it
 * puts no pods there of its own:
 *
 * <ul>
 *   <li>Deployment, StatefulSet: {@code spec.replicas} (default 1);
 *   <li>ReplicaSet: likewise, unless a controller owns it (a Deployment's: counted there);
 *   <li>DaemonSet: one per eligible node, and at most one per node;
 *   <li>Job: {@code spec.parallelism} (default 1), capped by {@code spec.completions}; a Job that
 *       has completed or failed, or is suspended, runs nothing;
 *   <li>Pod: one, unless a controller owns it or it has finished (phase Succeeded or Failed).
 * </ul>
 *
 * Any other kind, or one of these names in an API group other than Kubernetes' own (a custom
 * resource also called Deployment), is not a workload.
 */
public final class WorkloadReader {

  private static final Set<String> APPS_GROUPS = Set.of("apps", "extensions");

  private WorkloadReader() {}

  /** The workload with the pod spec as written (no LimitRange in the target namespace). */
  public static Optional<Workload> read(JsonObject object) {
    return read(object, LimitRangeDefaults.NONE);
  }

  /**
   * @param targetLimitRange the LimitRanges of the namespace the workload lands in
   * @throws LimitRangeViolation when that namespace would refuse its pods
   */
  public static Optional<Workload> read(JsonObject object, LimitRangeDefaults targetLimitRange) {
    String kind = JsonPaths.string(object, "kind").orElse("");
    String group = group(object);
    boolean apps = APPS_GROUPS.contains(group);
    if (apps && (kind.equals("Deployment") || kind.equals("StatefulSet"))) {
      return Optional.of(fromTemplate(object, replicas(object), targetLimitRange));
    }
    if (apps && kind.equals("ReplicaSet") && !hasController(object)) {
      return Optional.of(fromTemplate(object, replicas(object), targetLimitRange));
    }
    if (apps && kind.equals("DaemonSet")) {
      return Optional.of(fromTemplate(object, Replicas.ONE_PER_ELIGIBLE_NODE, targetLimitRange));
    }
    if (group.equals("batch") && kind.equals("Job") && !finishedOrSuspended(object)) {
      return Optional.of(fromTemplate(object, parallelism(object), targetLimitRange));
    }
    if (group.isEmpty() && kind.equals("Pod") && !hasController(object) && !finished(object)) {
      JsonObject spec = JsonPaths.object(object, "spec").orElseGet(JsonObject::new);
      return Optional.of(
          workload(object, Replicas.of(1), JsonPaths.labels(object), spec, targetLimitRange));
    }
    return Optional.empty();
  }

  private static Workload fromTemplate(
      JsonObject object, Replicas replicas, LimitRangeDefaults targetLimitRange) {
    JsonObject template = JsonPaths.object(object, "spec", "template").orElseGet(JsonObject::new);
    JsonObject spec = JsonPaths.object(template, "spec").orElseGet(JsonObject::new);
    return workload(object, replicas, JsonPaths.labels(template), spec, targetLimitRange);
  }

  private static Workload workload(
      JsonObject object,
      Replicas replicas,
      Map<String, String> labels,
      JsonObject podSpec,
      LimitRangeDefaults targetLimitRange) {
    String kind = JsonPaths.string(object, "kind").orElseThrow();
    String namespace = JsonPaths.string(object, "metadata", "namespace").orElse("default");
    String name = JsonPaths.string(object, "metadata", "name").orElse("");
    int maxPerNode =
        replicas.onePerEligibleNode() ? 1 : PerNodeLimit.of(podSpec, namespace, labels);
    return new Workload(
        kind,
        namespace,
        name,
        replicas,
        EffectivePodRequest.withLimitRange(podSpec, targetLimitRange),
        PlacementRules.of(podSpec),
        maxPerNode,
        labels);
  }

  /** The group of {@code apiVersion}: {@code apps} of {@code apps/v1}, empty for {@code v1}. */
  private static String group(JsonObject object) {
    String apiVersion = JsonPaths.string(object, "apiVersion").orElse("");
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Replicas replicas(JsonObject object) {
    return Replicas.of(integer(object, "spec", "replicas").orElse(1));
  }

  private static Replicas parallelism(JsonObject job) {
    int parallelism = integer(job, "spec", "parallelism").orElse(1);
    Optional<Integer> completions = integer(job, "spec", "completions");
    return Replicas.of(completions.map(c -> Math.min(c, parallelism)).orElse(parallelism));
  }

  private static Optional<Integer> integer(JsonObject object, String... path) {
    return JsonPaths.element(object, path)
        .filter(JsonElement::isJsonPrimitive)
        .filter(value -> value.getAsJsonPrimitive().isNumber())
        .map(JsonElement::getAsInt);
  }

  private static boolean hasController(JsonObject object) {
    return JsonPaths.objects(object, "metadata", "ownerReferences").stream()
        .anyMatch(
            owner ->
                JsonPaths.element(owner, "controller")
                    .filter(value -> value.isJsonPrimitive() && value.getAsBoolean())
                    .isPresent());
  }

  private static boolean finished(JsonObject pod) {
    return JsonPaths.string(pod, "status", "phase")
        .filter(phase -> phase.equals("Succeeded") || phase.equals("Failed"))
        .isPresent();
  }

  private static boolean finishedOrSuspended(JsonObject job) {
    boolean suspended =
        JsonPaths.element(job, "spec", "suspend")
            .filter(value -> value.isJsonPrimitive() && value.getAsBoolean())
            .isPresent();
    boolean ended =
        JsonPaths.objects(job, "status", "conditions").stream()
            .filter(
                condition ->
                    JsonPaths.string(condition, "status").filter("True"::equals).isPresent())
            .anyMatch(
                condition ->
                    JsonPaths.string(condition, "type")
                        .filter(type -> type.equals("Complete") || type.equals("Failed"))
                        .isPresent());
    return suspended || ended;
  }
}
