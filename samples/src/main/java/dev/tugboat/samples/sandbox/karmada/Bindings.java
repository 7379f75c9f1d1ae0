package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ResourceBindings (ClusterResourceBindings for cluster-scoped templates): one per claimed
 * template, named {@code <name>-<kind>} in lower case like Karmada's, owned by the template so that
 * deleting the template collects it.
 */
final class Bindings {

  private Bindings() {}

  /**
   * Creates or updates the binding of a claimed template: its spec, then its status.
   *
   * @return the binding's {@link #key}
   */
  static String ensure(
      ClusterState state,
      JsonObject template,
      PropagationPolicy policy,
      ClusterPlacement placement,
      String now) {
    JsonObject desired = desired(template, policy, placement);
    String kind = JsonFields.string(desired, "kind");
    Optional<JsonObject> existing =
        state.get(KarmadaApi.WORK_API_VERSION, kind, policy.namespace(), JsonFields.name(desired));
    JsonObject binding;
    if (existing.isEmpty()) {
      binding = desired;
    } else {
      binding = existing.get().deepCopy();
      JsonObject metadata = JsonFields.child(binding, "metadata");
      mergeInto(
          JsonFields.child(metadata, "labels"), JsonFields.object(desired, "metadata", "labels"));
      mergeInto(
          JsonFields.child(metadata, "annotations"),
          JsonFields.object(desired, "metadata", "annotations"));
      metadata.add(
          "ownerReferences", JsonFields.object(desired, "metadata").get("ownerReferences"));
      binding.add("spec", desired.get("spec"));
      if (!binding.equals(existing.get())) {
        binding = state.update(binding);
      }
    }
    JsonObject withStatus = binding.deepCopy();
    BindingConditions.set(JsonFields.child(withStatus, "status"), placement, policy, template, now);
    if (existing.isEmpty()) {
      state.create(withStatus);
    } else if (!withStatus.equals(binding)) {
      state.updateStatus(withStatus);
    }
    return key(desired);
  }

  /**
   * Deletes every binding whose key is not in {@code kept}, and takes the claim off its template:
   * that template is no longer selected by any policy.
   */
  static void removeAllBut(ClusterState state, Set<String> kept) {
    for (String kind :
        new String[] {KarmadaApi.RESOURCE_BINDING, KarmadaApi.CLUSTER_RESOURCE_BINDING}) {
      for (JsonObject binding : state.list(KarmadaApi.WORK_API_VERSION, kind, null)) {
        if (!kept.contains(key(binding))) {
          Templates.referredBy(state, binding)
              .ifPresent(template -> TemplateClaims.release(state, template));
          state.delete(
              KarmadaApi.WORK_API_VERSION,
              kind,
              JsonFields.namespace(binding),
              JsonFields.name(binding));
        }
      }
    }
  }

  /** Identifies a binding among both kinds: {@code kind/namespace/name}. */
  static String key(JsonObject binding) {
    return JsonFields.string(binding, "kind")
        + "/"
        + JsonFields.namespace(binding)
        + "/"
        + JsonFields.name(binding);
  }

  private static JsonObject desired(
      JsonObject template, PropagationPolicy policy, ClusterPlacement placement) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty(
        "name",
        (JsonFields.name(template) + "-" + JsonFields.string(template, "kind"))
            .toLowerCase(Locale.ROOT));
    if (!policy.clusterWide()) {
      metadata.addProperty("namespace", policy.namespace());
    }
    metadata.add("labels", JsonFields.stringObject(policy.claimLabels()));
    metadata.add("annotations", JsonFields.stringObject(policy.claimAnnotations()));
    JsonArray owners = new JsonArray();
    owners.add(ownerReference(template));
    metadata.add("ownerReferences", owners);

    JsonObject resource = new JsonObject();
    resource.addProperty("apiVersion", JsonFields.string(template, "apiVersion"));
    resource.addProperty("kind", JsonFields.string(template, "kind"));
    if (!policy.clusterWide()) {
      resource.addProperty("namespace", JsonFields.namespace(template));
    }
    resource.addProperty("name", JsonFields.name(template));
    resource.addProperty("uid", JsonFields.uid(template));
    resource.addProperty(
        "resourceVersion", JsonFields.string(template, "metadata", "resourceVersion"));
    JsonArray clusters = new JsonArray();
    for (String cluster : placement.clusters()) {
      JsonObject target = new JsonObject();
      target.addProperty("name", cluster);
      clusters.add(target);
    }
    JsonObject spec = new JsonObject();
    spec.add("resource", resource);
    spec.add("placement", policy.placement().deepCopy());
    spec.add("clusters", clusters);
    spec.addProperty("conflictResolution", policy.conflictResolution());
    spec.addProperty("preserveResourcesOnDeletion", policy.preserveResourcesOnDeletion());

    JsonObject binding = new JsonObject();
    binding.addProperty("apiVersion", KarmadaApi.WORK_API_VERSION);
    binding.addProperty(
        "kind",
        policy.clusterWide() ? KarmadaApi.CLUSTER_RESOURCE_BINDING : KarmadaApi.RESOURCE_BINDING);
    binding.add("metadata", metadata);
    binding.add("spec", spec);
    return binding;
  }

  private static JsonObject ownerReference(JsonObject template) {
    JsonObject reference = new JsonObject();
    reference.addProperty("apiVersion", JsonFields.string(template, "apiVersion"));
    reference.addProperty("kind", JsonFields.string(template, "kind"));
    reference.addProperty("name", JsonFields.name(template));
    reference.addProperty("uid", JsonFields.uid(template));
    reference.addProperty("controller", true);
    reference.addProperty("blockOwnerDeletion", true);
    return reference;
  }

  private static void mergeInto(JsonObject target, JsonObject entries) {
    entries.entrySet().forEach(entry -> target.add(entry.getKey(), entry.getValue()));
  }
}
