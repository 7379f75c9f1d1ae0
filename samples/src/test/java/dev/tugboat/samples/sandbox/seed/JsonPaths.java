package dev.tugboat.samples.sandbox.seed;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads nested fields of Kubernetes objects in tests, where a missing field is an answer. */
final class JsonPaths {

  private JsonPaths() {}

  /** The element at a path of field names, or null if any of them is missing. */
  static JsonElement at(JsonObject object, String... path) {
    JsonElement current = object;
    for (String field : path) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(field);
    }
    return current;
  }

  static JsonObject objectAt(JsonObject object, String... path) {
    JsonElement element = at(object, path);
    return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
  }

  static String stringAt(JsonObject object, String... path) {
    JsonElement element = at(object, path);
    return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
  }

  /** The objects of an array at a path; empty if there is none. */
  static List<JsonObject> objectsAt(JsonObject object, String... path) {
    JsonElement element = at(object, path);
    List<JsonObject> objects = new ArrayList<>();
    if (element != null && element.isJsonArray()) {
      element.getAsJsonArray().forEach(item -> objects.add(item.getAsJsonObject()));
    }
    return objects;
  }

  /** A string map such as labels; empty if there is none. */
  static Map<String, String> stringsAt(JsonObject object, String... path) {
    Map<String, String> strings = new LinkedHashMap<>();
    JsonObject map = objectAt(object, path);
    if (map != null) {
      map.entrySet().forEach(entry -> strings.put(entry.getKey(), entry.getValue().getAsString()));
    }
    return strings;
  }

  static String name(JsonObject object) {
    return stringAt(object, "metadata", "name");
  }

  static String namespace(JsonObject object) {
    return stringAt(object, "metadata", "namespace");
  }

  static String kind(JsonObject object) {
    return stringAt(object, "kind");
  }

  /** {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped objects. */
  static String describe(JsonObject object) {
    String namespace = namespace(object);
    return kind(object) + " " + (namespace == null ? "" : namespace + "/") + name(object);
  }

  /**
   * The pod template of a workload (including a CronJob's, inside its job template), or null for
   * other kinds.
   */
  static JsonObject podTemplate(JsonObject object) {
    return switch (kind(object)) {
      case "Deployment", "StatefulSet", "DaemonSet", "Job" -> objectAt(object, "spec", "template");
      case "CronJob" -> objectAt(object, "spec", "jobTemplate", "spec", "template");
      default -> null;
    };
  }

  /** The containers and init containers of a pod template. */
  static List<JsonObject> containers(JsonObject podTemplate) {
    List<JsonObject> containers = new ArrayList<>(objectsAt(podTemplate, "spec", "containers"));
    containers.addAll(objectsAt(podTemplate, "spec", "initContainers"));
    return containers;
  }
}
