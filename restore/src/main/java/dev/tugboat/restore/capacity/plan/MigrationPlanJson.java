package dev.tugboat.restore.capacity.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.backup.velero.GoDuration;
import dev.tugboat.core.selection.LabelRequirement;
import dev.tugboat.core.selection.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link MigrationPlan} in the plan file's own format, as indented JSON with every default
 * written out and fields in a fixed order, so that equal plans give equal text and {@link
 * MigrationPlanParser} reads it back to an equal plan.
 */
final class MigrationPlanJson {

  // Pretty printing puts a space after each ':', which the YAML 1.1 parser needs in a flow
  // mapping; Gson's default HTML escaping ('=' as a Unicode escape) is for web pages, not stored
  // text.
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** The operators of matchExpressions; equality is written as matchLabels. */
  private static final Map<LabelRequirement.Operator, String> OPERATORS =
      Map.of(
          LabelRequirement.Operator.IN, "In",
          LabelRequirement.Operator.NOT_IN, "NotIn",
          LabelRequirement.Operator.EXISTS, "Exists",
          LabelRequirement.Operator.DOES_NOT_EXIST, "DoesNotExist");

  private MigrationPlanJson() {}

  static String write(MigrationPlan plan) {
    JsonObject json = new JsonObject();
    json.addProperty("apiVersion", MigrationPlan.API_VERSION);
    json.addProperty("kind", MigrationPlan.KIND);
    json.addProperty("name", plan.name());
    json.add("source", source(plan.source()));
    json.add("target", target(plan.target()));
    JsonObject mappings = new JsonObject();
    plan.namespaceMappings().forEach(mappings::addProperty);
    json.add("namespaceMappings", mappings);
    JsonArray applications = new JsonArray();
    plan.applications().forEach(application -> applications.add(application(application)));
    json.add("applications", applications);
    plan.grouping()
        .ifPresent(
            grouping -> {
              JsonObject object = new JsonObject();
              object.addProperty("label", grouping.label());
              object.addProperty("defaultTier", grouping.defaultTier());
              json.add("grouping", object);
            });
    json.add("excludedResources", texts(plan.excludedResources()));
    json.addProperty("headroom", plan.headroomPercent() + "%");
    json.addProperty("onInsufficientCapacity", plan.onInsufficientCapacity().yamlName());
    JsonArray ladder = new JsonArray();
    plan.ladder().forEach(ladder::add);
    json.add("ladder", ladder);
    json.addProperty("allowCoreDegrade", plan.allowCoreDegrade());
    json.addProperty("parallelism", plan.parallelism());
    json.addProperty("readinessTimeout", GoDuration.format(plan.readinessTimeout()));
    json.addProperty("cutover", plan.cutover().yamlName());
    json.addProperty("conflictPolicy", plan.conflictPolicy().cliName());
    json.add("hooks", hooks(plan.hooks()));
    json.addProperty("onFailure", plan.onFailure().yamlName());
    return GSON.toJson(json);
  }

  private static JsonObject hooks(PlanHooks hooks) {
    JsonObject json = new JsonObject();
    for (HookPoint point : HookPoint.values()) {
      JsonArray list = new JsonArray();
      hooks.at(point).forEach(hook -> list.add(hook(hook)));
      json.add(point.yamlName(), list);
    }
    return json;
  }

  private static JsonObject hook(Hook hook) {
    JsonObject json = new JsonObject();
    json.addProperty("name", hook.name());
    if (hook.action() instanceof Hook.Command command) {
      json.add("command", texts(command.argv()));
    } else {
      json.addProperty("url", ((Hook.Webhook) hook.action()).url().toString());
    }
    json.addProperty("timeout", GoDuration.format(hook.timeout()));
    return json;
  }

  private static JsonObject source(PlanSource source) {
    if (source instanceof PlanSource.Stored stored) {
      JsonObject json = new JsonObject();
      json.addProperty("backup", stored.backup());
      return json;
    }
    return cluster(((PlanSource.Live) source).cluster());
  }

  private static JsonObject target(PlanTarget target) {
    JsonObject json = cluster(target.cluster());
    target
        .karmadaMemberCluster()
        .ifPresent(
            member -> {
              JsonObject karmada = new JsonObject();
              karmada.addProperty("memberCluster", member);
              json.add("karmada", karmada);
            });
    return json;
  }

  private static JsonObject cluster(ClusterAccess cluster) {
    JsonObject json = new JsonObject();
    json.addProperty("context", cluster.context());
    cluster.kubeconfig().ifPresent(kubeconfig -> json.addProperty("kubeconfig", kubeconfig));
    return json;
  }

  private static JsonObject application(PlanApplication application) {
    JsonObject json = new JsonObject();
    json.addProperty("name", application.name());
    json.addProperty("tier", application.tier());
    JsonObject selector = new JsonObject();
    selector.add("namespaces", texts(application.selector().namespaces()));
    selector.add("kinds", texts(application.selector().kinds()));
    selector.add("names", texts(application.selector().names()));
    if (!application.selector().labelSelector().isEmpty()) {
      selector.add("labelSelector", labelSelector(application.selector().labelSelector()));
    }
    json.add("selector", selector);
    application.minReplicas().ifPresent(min -> json.addProperty("minReplicas", min));
    json.addProperty("priority", application.priority());
    return json;
  }

  /**
   * Back to Kubernetes' object form: equality requirements as matchLabels, the others as
   * matchExpressions. The parser never makes {@code !=}, the one operator that form lacks.
   */
  private static JsonObject labelSelector(LabelSelector selector) {
    JsonObject matchLabels = new JsonObject();
    JsonArray matchExpressions = new JsonArray();
    for (LabelRequirement requirement : selector.requirements()) {
      if (requirement.operator() == LabelRequirement.Operator.EQUALS) {
        matchLabels.addProperty(requirement.key(), requirement.values().get(0));
        continue;
      }
      JsonObject expression = new JsonObject();
      expression.addProperty("key", requirement.key());
      expression.addProperty("operator", OPERATORS.get(requirement.operator()));
      if (!requirement.values().isEmpty()) {
        expression.add("values", texts(requirement.values()));
      }
      matchExpressions.add(expression);
    }
    JsonObject json = new JsonObject();
    if (matchLabels.size() > 0) {
      json.add("matchLabels", matchLabels);
    }
    if (!matchExpressions.isEmpty()) {
      json.add("matchExpressions", matchExpressions);
    }
    return json;
  }

  private static JsonArray texts(List<String> texts) {
    JsonArray array = new JsonArray();
    texts.forEach(array::add);
    return array;
  }
}
