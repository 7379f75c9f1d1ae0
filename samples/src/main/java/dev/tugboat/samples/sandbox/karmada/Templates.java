package dev.tugboat.samples.sandbox.karmada;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.ClusterState;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resource templates in the control plane. Karmada's detector leaves alone its own kinds,
 * Events, Namespaces (propagated by a controller of their own) and objects in reserved namespaces
 * ({@code kube-*}, {@code karmada-system}, {@code karmada-cluster}, {@code karmada-es-*}).
 */
final class Templates {

  private static final Set<String> IGNORED_KINDS =
      Set.of("v1/Event", "events.k8s.io/v1/Event", "v1/Namespace");

  private static final Set<String> RESERVED_NAMESPACES =
      Set.of("karmada-system", "karmada-cluster");

  private Templates() {}

  /**
   * The templates of a kind. A policy may name a kind that is not served (yet): Karmada waits for
   * it, so it has no templates rather than being an error.
   */
  static List<JsonObject> list(ClusterState state, String apiVersion, String kind) {
    if (!kindIncluded(apiVersion, kind)) {
      return List.of();
    }
    try {
      return state.list(apiVersion, kind, null).stream().filter(Templates::included).toList();
    } catch (IllegalArgumentException notServed) {
      return List.of();
    }
  }

  /** The template a binding's {@code spec.resource} refers to, if it still exists. */
  static Optional<JsonObject> referredBy(ClusterState state, JsonObject binding) {
    JsonObject resource = JsonFields.object(binding, "spec", "resource");
    String apiVersion = JsonFields.string(resource, "apiVersion");
    String kind = JsonFields.string(resource, "kind");
    String name = JsonFields.string(resource, "name");
    if (apiVersion == null || kind == null || name == null) {
      return Optional.empty();
    }
    try {
      return state
          .get(apiVersion, kind, JsonFields.string(resource, "namespace"), name)
          .filter(template -> JsonFields.uid(template).equals(JsonFields.string(resource, "uid")));
    } catch (IllegalArgumentException notServed) {
      return Optional.empty();
    }
  }

  private static boolean kindIncluded(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return !group.endsWith("karmada.io") && !IGNORED_KINDS.contains(apiVersion + "/" + kind);
  }

  private static boolean included(JsonObject object) {
    String namespace = JsonFields.namespace(object);
    return namespace == null
        || !(namespace.startsWith("kube-")
            || namespace.startsWith("karmada-es-")
            || RESERVED_NAMESPACES.contains(namespace));
  }
}
