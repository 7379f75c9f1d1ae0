package dev.tugboat.restore.migrate.karmada;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One object of an application as a resource template in the Karmada control plane.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param namespace {@code null} for a cluster-scoped object (an empty one is taken as {@code null})
 */
public record TemplateRef(String apiVersion, String kind, String namespace, String name) {

  public TemplateRef {
    required(apiVersion, "apiVersion");
    required(kind, "kind");
    required(name, "metadata.name");
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
  }

  /**
   * The template of a restored object.
   *
   * @throws IllegalArgumentException when {@code apiVersion}, {@code kind} or {@code metadata.name}
   *     is missing
   */
  public static TemplateRef of(JsonObject object) {
    JsonElement metadata = object.get("metadata");
    JsonObject meta =
        metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject() : null;
    return new TemplateRef(
        stringOrNull(object, "apiVersion"),
        stringOrNull(object, "kind"),
        meta == null ? null : stringOrNull(meta, "namespace"),
        meta == null ? null : stringOrNull(meta, "name"));
  }

  /** The API group of {@code apiVersion}, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public boolean isClusterScoped() {
    return namespace == null;
  }

  /** A core Namespace: Karmada propagates namespaces by itself, so no policy selects one. */
  public boolean isNamespace() {
    return "v1".equals(apiVersion) && "Namespace".equals(kind);
  }

  /** E.g. {@code apps/v1 Deployment shop/web}, or {@code v1 PersistentVolume pv-1}. */
  @Override
  public String toString() {
    return apiVersion + " " + kind + " " + (namespace == null ? name : namespace + "/" + name);
  }

  private static void required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a resource template needs " + field);
    }
  }

  private static String stringOrNull(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }
}
