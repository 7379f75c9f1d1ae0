package dev.tugboat.restore.migrate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.planner.WorkloadResult;
import java.util.Map;
import java.util.Optional;

/**
 * The Velero resource modifiers (velero.md 3.10) that turn an application's restore into its
 * migration: the migration label on every object, the application label on its namespaced ones, and
 * on each scalable workload the planned replicas with the source's count in an annotation. Written
 * as resource-modifier JSON, so that the application's restore keeps them with its run and shows
 * them like any user's modifiers.
 */
final class ApplicationModifiers {

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** Every group resource: Velero's groupResource globs treat '.' as a separator. */
  private static final String EVERY_TYPE = "**";

  /** The workload kinds with {@code spec.replicas}, by the group resource rules name. */
  private static final Map<String, String> SCALABLE =
      Map.of(
          "Deployment", "deployments.apps",
          "StatefulSet", "statefulsets.apps",
          "ReplicaSet", "replicasets.apps");

  private ApplicationModifiers() {}

  /**
   * @param replicas the replicas to create each workload with, by {@link #key(WorkloadResult)}
   */
  static String of(String migration, ApplicationPlan application, Map<String, Integer> replicas) {
    JsonArray rules = new JsonArray();
    rules.add(rule(conditions(EVERY_TYPE), labels(MigrationLabels.MIGRATION, migration)));
    for (String namespace : application.namespaces()) {
      // By a field match rather than the namespaces condition, which cluster-scoped items (the
      // Namespace objects, shared with other applications) would pass.
      JsonObject conditions = conditions(EVERY_TYPE);
      JsonArray matches = new JsonArray();
      JsonObject match = new JsonObject();
      match.addProperty("path", "/metadata/namespace");
      match.addProperty("value", namespace);
      matches.add(match);
      conditions.add("matches", matches);
      rules.add(rule(conditions, labels(MigrationLabels.APPLICATION, application.name())));
    }
    for (WorkloadResult workload : application.workloads()) {
      scalable(workload)
          .ifPresent(
              groupResource -> {
                JsonObject conditions = conditions(groupResource);
                conditions.addProperty(
                    "resourceNameRegex", "^" + workload.name().replace(".", "\\.") + "$");
                JsonArray namespaces = new JsonArray();
                namespaces.add(workload.namespace());
                conditions.add("namespaces", namespaces);
                JsonObject patch = new JsonObject();
                JsonObject spec = new JsonObject();
                spec.addProperty("replicas", replicas.get(key(workload)));
                patch.add("spec", spec);
                patch.add(
                    "metadata",
                    annotations(
                        MigrationLabels.SOURCE_REPLICAS,
                        Integer.toString(workload.sourceReplicas())));
                rules.add(rule(conditions, patch));
              });
    }
    JsonObject modifiers = new JsonObject();
    modifiers.addProperty("version", "v1");
    modifiers.add("resourceModifierRules", rules);
    return GSON.toJson(modifiers);
  }

  /** The group resource of a workload whose replicas a migration sets. */
  static Optional<String> scalable(WorkloadResult workload) {
    return Optional.ofNullable(SCALABLE.get(workload.kind()));
  }

  /** A workload's key in a replica map, e.g. {@code Deployment shop/web}. */
  static String key(WorkloadResult workload) {
    return workload.kind() + " " + workload.namespace() + "/" + workload.name();
  }

  private static JsonObject conditions(String groupResource) {
    JsonObject conditions = new JsonObject();
    conditions.addProperty("groupResource", groupResource);
    return conditions;
  }

  private static JsonObject rule(JsonObject conditions, JsonObject mergePatch) {
    JsonObject rule = new JsonObject();
    rule.add("conditions", conditions);
    JsonArray patches = new JsonArray();
    JsonObject patch = new JsonObject();
    patch.addProperty("patchData", GSON.toJson(mergePatch));
    patches.add(patch);
    rule.add("mergePatches", patches);
    return rule;
  }

  private static JsonObject labels(String key, String value) {
    JsonObject labels = new JsonObject();
    labels.addProperty(key, value);
    JsonObject metadata = new JsonObject();
    metadata.add("labels", labels);
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    return patch;
  }

  private static JsonObject annotations(String key, String value) {
    JsonObject annotations = new JsonObject();
    annotations.addProperty(key, value);
    JsonObject metadata = new JsonObject();
    metadata.add("annotations", annotations);
    return metadata;
  }
}
