package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;

/**
 * Renders a stored object for a request in a given version. Objects are stored in the version they
 * were written in; a custom resource served in several versions is shown with the requested {@code
 * apiVersion} (conversion strategy None: the fields stay as they are).
 */
final class ObjectRenderer {

  private final ResourceTypes types;

  ObjectRenderer(ResourceTypes types) {
    this.types = types;
  }

  byte[] render(StoredObject object, ResourceType requested) {
    if (types.versionsOf(requested.group(), requested.plural()).size() < 2) {
      return object.json();
    }
    JsonObject json = object.toJson();
    if (requested.apiVersion().equals(JsonFields.string(json, "apiVersion"))) {
      return object.json();
    }
    json.addProperty("apiVersion", requested.apiVersion());
    return Json.bytes(json);
  }

  JsonObject render(JsonObject object, ResourceType requested) {
    if (!requested.apiVersion().equals(JsonFields.string(object, "apiVersion"))) {
      JsonObject copy = object.deepCopy();
      copy.addProperty("apiVersion", requested.apiVersion());
      return copy;
    }
    return object;
  }
}
