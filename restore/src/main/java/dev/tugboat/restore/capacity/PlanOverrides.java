package dev.tugboat.restore.capacity;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What command-line flags change in a {@link dev.tugboat.restore.capacity.plan.MigrationPlan}; an
 * empty field leaves the plan's own value. A context given here is looked up in the command's
 * kubeconfig, not in the plan's, so it replaces the plan's {@code kubeconfig} field too.
 *
 * @param sourceContext the source cluster's context: an online source
 * @param sourceBackup the source backup's name: an offline source; not with {@code sourceContext}
 * @param targetContext the target cluster's context
 * @param namespaceMappings source namespace to target namespace, replacing the plan's mappings
 * @param headroom e.g. {@code 5%}, as the plan writes it
 */
public record PlanOverrides(
    Optional<String> sourceContext,
    Optional<String> sourceBackup,
    Optional<String> targetContext,
    Optional<Map<String, String>> namespaceMappings,
    Optional<String> headroom) {

  /** Changes nothing. */
  public static final PlanOverrides NONE =
      new PlanOverrides(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public PlanOverrides {
    Objects.requireNonNull(sourceContext, "sourceContext");
    Objects.requireNonNull(sourceBackup, "sourceBackup");
    Objects.requireNonNull(targetContext, "targetContext");
    namespaceMappings = namespaceMappings.map(Map::copyOf);
    Objects.requireNonNull(headroom, "headroom");
    if (sourceContext.isPresent() && sourceBackup.isPresent()) {
      throw new IllegalArgumentException("the source is a context or a backup, not both");
    }
  }

  /** Sets the overridden fields of a plan in its file form. */
  void applyTo(JsonObject plan) {
    sourceContext.ifPresent(context -> plan.add("source", cluster(context)));
    sourceBackup.ifPresent(
        backup -> {
          JsonObject source = new JsonObject();
          source.addProperty("backup", backup);
          plan.add("source", source);
        });
    targetContext.ifPresent(context -> plan.add("target", cluster(context)));
    namespaceMappings.ifPresent(
        mappings -> {
          JsonObject json = new JsonObject();
          mappings.forEach(json::addProperty);
          plan.add("namespaceMappings", json);
        });
    headroom.ifPresent(value -> plan.addProperty("headroom", value));
  }

  private static JsonObject cluster(String context) {
    JsonObject cluster = new JsonObject();
    cluster.addProperty("context", context);
    return cluster;
  }
}
