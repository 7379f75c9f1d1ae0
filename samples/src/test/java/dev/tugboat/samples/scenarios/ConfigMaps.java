package dev.tugboat.samples.scenarios;

import com.google.gson.JsonObject;
import dev.tugboat.core.cluster.ApiResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ConfigMaps as raw JSON, the form Tugboat's batch-core classes read and write. */
final class ConfigMaps {

  /** The core ConfigMap type, as discovery reports it on every Kubernetes version. */
  static final ApiResource RESOURCE =
      new ApiResource(
          "",
          "v1",
          "configmaps",
          "ConfigMap",
          true,
          Set.of("create", "delete", "get", "list", "patch"),
          List.of("cm"),
          "v1");

  private ConfigMaps() {}

  /** A ConfigMap with the given labels and data. */
  static JsonObject configMap(
      String namespace, String name, Map<String, String> labels, Map<String, String> data) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("namespace", namespace);
    metadata.addProperty("name", name);
    metadata.add("labels", strings(labels));
    JsonObject object = new JsonObject();
    object.addProperty("apiVersion", "v1");
    object.addProperty("kind", "ConfigMap");
    object.add("metadata", metadata);
    object.add("data", strings(data));
    return object;
  }

  /** The {@code data} field of a ConfigMap as the server returned it. */
  static JsonObject dataOf(JsonObject configMap) {
    return configMap.getAsJsonObject("data");
  }

  static JsonObject strings(Map<String, String> values) {
    JsonObject object = new JsonObject();
    values.forEach(object::addProperty);
    return object;
  }
}
