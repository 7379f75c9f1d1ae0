package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The CustomResourceDefinitions of the Karmada kinds the double serves. Their schemas accept any
 * field ({@code x-kubernetes-preserve-unknown-fields}): the sandbox checks no schema, and Tugboat
 * only needs the kinds served with Karmada's names, scopes and status subresources.
 */
final class KarmadaDefinitions {

  private KarmadaDefinitions() {}

  /** The definitions, in an order a real API server accepts. */
  static List<JsonObject> all() {
    return List.of(
        definition("policy.karmada.io", "v1alpha1", "PropagationPolicy", "Namespaced", "pp", false),
        definition(
            "policy.karmada.io", "v1alpha1", "ClusterPropagationPolicy", "Cluster", "cpp", false),
        definition("work.karmada.io", "v1alpha2", "ResourceBinding", "Namespaced", "rb", true),
        definition("work.karmada.io", "v1alpha2", "ClusterResourceBinding", "Cluster", "crb", true),
        definition("cluster.karmada.io", "v1alpha1", "Cluster", "Cluster", null, true));
  }

  private static JsonObject definition(
      String group,
      String version,
      String kind,
      String scope,
      String shortName,
      boolean statusSubresource) {
    String singular = kind.toLowerCase(Locale.ROOT);
    String plural = singular.endsWith("y") ? singular.replaceAll("y$", "ies") : singular + "s";
    JsonObject names = new JsonObject();
    names.addProperty("plural", plural);
    names.addProperty("singular", singular);
    names.addProperty("kind", kind);
    names.addProperty("listKind", kind + "List");
    if (shortName != null) {
      JsonArray shortNames = new JsonArray();
      shortNames.add(shortName);
      names.add("shortNames", shortNames);
    }
    JsonArray categories = new JsonArray();
    categories.add("karmada-io");
    names.add("categories", categories);

    JsonObject schema = new JsonObject();
    schema.addProperty("type", "object");
    schema.addProperty("x-kubernetes-preserve-unknown-fields", true);
    JsonObject validation = new JsonObject();
    validation.add("openAPIV3Schema", schema);
    JsonObject served = new JsonObject();
    served.addProperty("name", version);
    served.addProperty("served", true);
    served.addProperty("storage", true);
    served.add("schema", validation);
    if (statusSubresource) {
      JsonObject subresources = new JsonObject();
      subresources.add("status", new JsonObject());
      served.add("subresources", subresources);
    }
    JsonArray versions = new JsonArray();
    versions.add(served);

    JsonObject spec = new JsonObject();
    spec.addProperty("group", group);
    spec.addProperty("scope", scope);
    spec.add("names", names);
    spec.add("versions", versions);
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", plural + "." + group);
    JsonObject definition = new JsonObject();
    definition.addProperty("apiVersion", "apiextensions.k8s.io/v1");
    definition.addProperty("kind", "CustomResourceDefinition");
    definition.add("metadata", metadata);
    definition.add("spec", spec);
    return definition;
  }
}
