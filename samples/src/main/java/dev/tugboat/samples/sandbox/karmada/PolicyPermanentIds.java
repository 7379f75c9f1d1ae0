package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.Admission;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.UUID;

/**
 * Gives every PropagationPolicy and ClusterPropagationPolicy the {@code permanent-id} label that
 * Karmada's webhook sets (a random UUID, kept across updates), which the templates it claims then
 * carry.
 */
final class PolicyPermanentIds implements Admission {

  @Override
  public void admit(Operation operation, JsonObject object, JsonObject old, ClusterState state) {
    if (!KarmadaApi.POLICY_API_VERSION.equals(JsonFields.string(object, "apiVersion"))) {
      return;
    }
    String label =
        switch (String.valueOf(JsonFields.string(object, "kind"))) {
          case KarmadaApi.PROPAGATION_POLICY -> KarmadaApi.POLICY_PERMANENT_ID;
          case KarmadaApi.CLUSTER_PROPAGATION_POLICY -> KarmadaApi.CLUSTER_POLICY_PERMANENT_ID;
          default -> null;
        };
    if (label == null) {
      return;
    }
    JsonObject labels = JsonFields.child(JsonFields.child(object, "metadata"), "labels");
    if (!labels.has(label)) {
      String previous = old == null ? null : JsonFields.string(old, "metadata", "labels", label);
      labels.addProperty(label, previous != null ? previous : UUID.randomUUID().toString());
    }
  }
}
