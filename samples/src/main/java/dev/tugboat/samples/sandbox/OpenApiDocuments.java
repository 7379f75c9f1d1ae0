package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A minimal OpenAPI v3 description ({@code /openapi/v3} and one document per group version): for
 * every type only its PATCH operation, tagged with its group, version and kind and taking the
 * {@code fieldValidation} parameter. That is what {@code kubectl apply} and {@code create} look for
 * before they send {@code fieldValidation=Strict} and leave validation to the server; without it
 * they refuse to run unless given {@code --validate=false}. There are no schemas: clients that need
 * them ({@code kubectl explain}) fall back or fail.
 */
final class OpenApiDocuments {

  private static final String PREFIX = "/openapi/v3/";

  private final ResourceTypes types;

  OpenApiDocuments(ResourceTypes types) {
    this.types = types;
  }

  /** {@code /openapi/v3}: where each group version's document is. */
  JsonObject root() {
    JsonObject paths = new JsonObject();
    for (ResourceType type : types.all()) {
      String path = groupVersionPath(type.group(), type.version());
      JsonObject entry = new JsonObject();
      entry.addProperty("serverRelativeURL", PREFIX + path);
      paths.add(path, entry);
    }
    JsonObject root = new JsonObject();
    root.add("paths", paths);
    return root;
  }

  /**
   * The document of {@code path}, e.g. {@code /openapi/v3/apis/apps/v1}; empty for paths that are
   * not a served group version.
   */
  Optional<JsonObject> groupVersion(String path) {
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] segments = path.substring(PREFIX.length()).split("/");
    List<ResourceType> served;
    if (segments.length == 2 && segments[0].equals("api")) {
      served = types.inGroupVersion("", segments[1]);
    } else if (segments.length == 3 && segments[0].equals("apis")) {
      served = types.inGroupVersion(segments[1], segments[2]);
    } else {
      return Optional.empty();
    }
    if (served.isEmpty()) {
      return Optional.empty();
    }
    JsonObject paths = new JsonObject();
    for (ResourceType type : served) {
      JsonObject item = new JsonObject();
      item.add("patch", patchOperation(type));
      String namespace = type.namespaced() ? "/namespaces/{namespace}" : "";
      paths.add(
          "/"
              + groupVersionPath(type.group(), type.version())
              + namespace
              + "/"
              + type.plural()
              + "/{name}",
          item);
    }
    JsonObject info = new JsonObject();
    info.addProperty("title", "Kubernetes (sandbox)");
    info.addProperty("version", DiscoveryDocuments.KUBERNETES_VERSION);
    JsonObject document = new JsonObject();
    document.addProperty("openapi", "3.0.0");
    document.add("info", info);
    document.add("paths", paths);
    document.add("components", new JsonObject());
    return Optional.of(document);
  }

  private static JsonObject patchOperation(ResourceType type) {
    JsonObject gvk = new JsonObject();
    gvk.addProperty("group", type.group());
    gvk.addProperty("version", type.version());
    gvk.addProperty("kind", type.kind());
    JsonObject schema = new JsonObject();
    schema.addProperty("type", "string");
    JsonObject fieldValidation = new JsonObject();
    fieldValidation.addProperty("name", "fieldValidation");
    fieldValidation.addProperty("in", "query");
    fieldValidation.add("schema", schema);
    JsonArray parameters = new JsonArray();
    parameters.add(fieldValidation);
    JsonObject operation = new JsonObject();
    operation.addProperty("operationId", "patch" + type.kind());
    operation.add("parameters", parameters);
    operation.add("responses", new JsonObject());
    operation.add("x-kubernetes-group-version-kind", gvk);
    return operation;
  }

  private static String groupVersionPath(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }
}
