package dev.tugboat.restore.select;

import com.google.gson.JsonObject;
import dev.tugboat.restore.capacity.plan.ApplicationClaims;
import dev.tugboat.restore.capacity.plan.MigrationPlan;
import java.util.Objects;

/**
 * The objects of one application of a migration plan: the namespaced items a migration's restore of
 * that application selects, by {@link ApplicationClaims}' rule. An object two applications select
 * belongs to one only, so that no object is restored twice under two application labels.
 *
 * @param plan the migration plan
 * @param application the application's name
 */
public record ApplicationScope(MigrationPlan plan, String application) {

  public ApplicationScope {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(application, "application");
  }

  /** Whether a namespaced item, as backed up, belongs to the application. */
  public boolean admits(JsonObject item) {
    return new ApplicationClaims(plan).claimant(item).filter(application::equals).isPresent();
  }
}
