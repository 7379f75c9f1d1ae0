package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small manifests for the sandbox tests. */
final class TestObjects {

  private TestObjects() {}

  static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  static JsonObject namespace(String name) {
    return json(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
  }

  static JsonObject configMap(String namespace, String name) {
    return json(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + namespace
            + "\"},\"data\":{\"key\":\"value\"}}");
  }

  static JsonObject deployment(String namespace, String name, int replicas) {
    return json(
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"%s","namespace":"%s","labels":{"app":"%s"}},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "template":{"metadata":{"labels":{"app":"%s"}},
           "spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}}}
        """
            .formatted(name, namespace, name, replicas, name, name));
  }

  /** {@code metadata.<field>} as a string. */
  static String meta(JsonObject object, String field) {
    return object.getAsJsonObject("metadata").get(field).getAsString();
  }
}
