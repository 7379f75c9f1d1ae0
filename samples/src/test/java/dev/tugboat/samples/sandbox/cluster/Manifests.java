package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.List;

/** Small objects the controller tests start from, and ways to read the results. */
final class Manifests {

  private Manifests() {}

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  /** A pod template labelled {@code app: <app>} with one container requesting this cpu. */
  static String template(String app, String cpu) {
    return """
        {"metadata": {"labels": {"app": "%s"}},
         "spec": {"containers": [{"name": "app", "image": "nginx:1.27",
                  "resources": {"requests": {"cpu": "%s"}}}]}}
        """
        .formatted(app, cpu);
  }

  static String deployment(String name, int replicas, String cpu) {
    return """
        {"apiVersion": "apps/v1", "kind": "Deployment",
         "metadata": {"name": "%s", "namespace": "shop"},
         "spec": {"replicas": %d, "selector": {"matchLabels": {"app": "%s"}},
                  "template": %s}}
        """
        .formatted(name, replicas, name, template(name, cpu));
  }

  static String replicaSet(String name, int replicas, String cpu) {
    return deployment(name, replicas, cpu).replace("\"Deployment\"", "\"ReplicaSet\"");
  }

  /** A pod requesting this cpu in namespace {@code shop}. */
  static String pod(String name, String cpu) {
    return """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "%s", "namespace": "shop", "labels": {"app": "%s"}},
         "spec": {"containers": [{"name": "app", "image": "nginx:1.27",
                  "resources": {"requests": {"cpu": "%s"}}}]}}
        """
        .formatted(name, name, cpu);
  }

  /** A copy of the object with {@code value} set at the dotted path, e.g. {@code spec.replicas}. */
  static JsonObject with(JsonObject object, String path, JsonElement value) {
    JsonObject copy = object.deepCopy();
    String[] fields = path.split("\\.");
    JsonObject parent = copy;
    for (int i = 0; i < fields.length - 1; i++) {
      parent = JsonFields.child(parent, fields[i]);
    }
    parent.add(fields[fields.length - 1], value);
    return copy;
  }

  static List<String> names(List<JsonObject> objects) {
    return objects.stream().map(JsonFields::name).toList();
  }

  static List<String> nodeNames(List<JsonObject> pods) {
    return pods.stream().map(pod -> JsonFields.string(pod, "spec", "nodeName")).toList();
  }

  static JsonArray array(String text) {
    return JsonParser.parseString(text).getAsJsonArray();
  }
}
