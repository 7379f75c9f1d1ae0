package dev.tugboat.restore.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import dev.tugboat.restore.capacity.plan.MigrationPlanParser;
import dev.tugboat.restore.capacity.plan.PlanApplication;
import java.util.List;

/**
 * The {@link MigrationPlan} a capacity check runs with: a plan file, or the namespaces given on the
 * command line, with the flags' {@link PlanOverrides} applied. Either way the result goes through
 * {@link MigrationPlanParser}, so a flag's bad value is refused as the plan's would be, naming the
 * field it sets (e.g. {@code headroom: ...}).
 */
public final class CapacityPlans {

  /** The name of a plan made from flags. */
  static final String FLAGS_PLAN_NAME = "capacity";

  private CapacityPlans() {}

  /**
   * @param yaml the plan file's text
   * @throws dev.tugboat.restore.capacity.plan.InvalidMigrationPlanException naming the field
   */
  public static MigrationPlan fromFile(String yaml, PlanOverrides overrides) {
    MigrationPlan plan = MigrationPlanParser.parse(yaml);
    if (overrides.equals(PlanOverrides.NONE)) {
      return plan;
    }
    JsonObject json = JsonParser.parseString(plan.toJson()).getAsJsonObject();
    overrides.applyTo(json);
    return MigrationPlanParser.parse(json.toString());
  }

  /**
   * A plan with one application per namespace, named after it, in the degradable tier, with every
   * other field at its default.
   *
   * @param namespaces the source namespaces, at least one
   * @param overrides must give the source and the target
   * @throws dev.tugboat.restore.capacity.plan.InvalidMigrationPlanException naming the field
   */
  public static MigrationPlan forNamespaces(List<String> namespaces, PlanOverrides overrides) {
    JsonObject json = new JsonObject();
    json.addProperty("apiVersion", MigrationPlan.API_VERSION);
    json.addProperty("kind", MigrationPlan.KIND);
    json.addProperty("name", FLAGS_PLAN_NAME);
    JsonArray applications = new JsonArray();
    for (String namespace : namespaces) {
      JsonObject application = new JsonObject();
      application.addProperty("name", namespace);
      application.addProperty("tier", PlanApplication.DEFAULT_TIER);
      JsonObject selector = new JsonObject();
      JsonArray selected = new JsonArray();
      selected.add(namespace);
      selector.add("namespaces", selected);
      application.add("selector", selector);
      applications.add(application);
    }
    json.add("applications", applications);
    overrides.applyTo(json);
    return MigrationPlanParser.parse(json.toString());
  }
}
