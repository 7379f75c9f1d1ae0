package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** {@link ClusterState} over the sandbox's {@link ObjectService}: the view of controllers. */
final class ServiceClusterState implements ClusterState {

  private final ObjectService service;
  private final ResourceTypes types;

  ServiceClusterState(ObjectService service, ResourceTypes types) {
    this.service = service;
    this.types = types;
  }

  @Override
  public List<JsonObject> list(String apiVersion, String kind, String namespace) {
    ResourceType type = type(apiVersion, kind);
    return service.list(type, namespace, ObjectFilter.EVERYTHING, 0, null).items().stream()
        .map(StoredObject::toJson)
        .toList();
  }

  @Override
  public Optional<JsonObject> get(String apiVersion, String kind, String namespace, String name) {
    ResourceType type = type(apiVersion, kind);
    return service.find(type, namespace, name).map(StoredObject::toJson);
  }

  @Override
  public JsonObject create(JsonObject object) {
    ResourceType type = typeOf(object);
    return service.create(type, namespaceOf(type, object), object, false, true);
  }

  @Override
  public JsonObject update(JsonObject object) {
    ResourceType type = typeOf(object);
    return service.update(type, namespaceOf(type, object), nameOf(object), object, false);
  }

  @Override
  public JsonObject updateStatus(JsonObject object) {
    ResourceType type = typeOf(object);
    return service.updateStatus(type, namespaceOf(type, object), nameOf(object), object, false);
  }

  @Override
  public void delete(String apiVersion, String kind, String namespace, String name) {
    ResourceType type = type(apiVersion, kind);
    if (service.find(type, namespace, name).isPresent()) {
      service.delete(type, namespace, name, "Background", false, null, null);
    }
  }

  private ResourceType typeOf(JsonObject object) {
    return type(JsonFields.string(object, "apiVersion"), JsonFields.string(object, "kind"));
  }

  private ResourceType type(String apiVersion, String kind) {
    return types
        .findByKind(apiVersion, kind)
        .orElseThrow(
            () -> new IllegalArgumentException("the sandbox serves no " + apiVersion + " " + kind));
  }

  private static String namespaceOf(ResourceType type, JsonObject object) {
    String namespace = JsonFields.string(object, "metadata", "namespace");
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw new IllegalArgumentException(
          "a " + type.kind() + " is namespaced: metadata.namespace is needed");
    }
    return type.namespaced() ? namespace : null;
  }

  private static String nameOf(JsonObject object) {
    String name = JsonFields.string(object, "metadata", "name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("metadata.name is needed: " + object);
    }
    return name;
  }
}
