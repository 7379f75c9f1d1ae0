package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Map;

/**
 * The labels and annotations by which a policy claims a template, written only when they change so
 * that the controller goes quiet once every claim is in place.
 */
final class TemplateClaims {

  private TemplateClaims() {}

  /**
   * Marks the template as claimed by the policy.
   *
   * @return the template as stored afterwards
   */
  static JsonObject claim(ClusterState state, JsonObject template, PropagationPolicy policy) {
    JsonObject claimed = template.deepCopy();
    JsonObject metadata = JsonFields.child(claimed, "metadata");
    removeClaim(metadata);
    putAll(JsonFields.child(metadata, "labels"), policy.claimLabels());
    putAll(JsonFields.child(metadata, "annotations"), policy.claimAnnotations());
    return claimed.equals(template) ? template : state.update(claimed);
  }

  /** Removes any policy's claim from the template. */
  static void release(ClusterState state, JsonObject template) {
    JsonObject released = template.deepCopy();
    removeClaim(JsonFields.child(released, "metadata"));
    if (!released.equals(template)) {
      state.update(released);
    }
  }

  private static void removeClaim(JsonObject metadata) {
    for (String field : new String[] {"labels", "annotations"}) {
      JsonObject entries = JsonFields.object(metadata, field);
      if (entries != null) {
        KarmadaApi.CLAIM_KEYS.forEach(entries::remove);
        if (entries.size() == 0) {
          metadata.remove(field);
        }
      }
    }
  }

  private static void putAll(JsonObject target, Map<String, String> entries) {
    entries.forEach(target::addProperty);
  }
}
