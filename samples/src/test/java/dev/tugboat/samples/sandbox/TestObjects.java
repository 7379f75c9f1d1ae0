package dev.tugboat.samples.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small manifests for the sandbox tests. */
public final class TestObjects {

  private TestObjects() {}

  public static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  public static JsonObject namespace(String name) {
    return json(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
  }

  public static JsonObject configMap(String namespace, String name) {
    return json(
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\",\"namespace\":\""
            + namespace
            + "\"},\"data\":{\"key\":\"value\"}}");
  }

  public static JsonObject deployment(String namespace, String name, int replicas) {
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

  /**
   * The condition of this type in {@code status.conditions}, as {@code status reason: message}
   * (parts missing from the condition left out), or null when there is none.
   */
  public static String condition(JsonObject object, String type) {
    JsonObject status = object.getAsJsonObject("status");
    if (status == null || !status.has("conditions")) {
      return null;
    }
    for (JsonElement element : status.getAsJsonArray("conditions")) {
      JsonObject condition = element.getAsJsonObject();
      if (type.equals(condition.get("type").getAsString())) {
        String text = condition.get("status").getAsString();
        if (condition.has("reason")) {
          text += " " + condition.get("reason").getAsString();
        }
        if (condition.has("message")) {
          text += ": " + condition.get("message").getAsString();
        }
        return text;
      }
    }
    return null;
  }

  /** {@code metadata.<field>} as a string. */
  public static String meta(JsonObject object, String field) {
    return object.getAsJsonObject("metadata").get(field).getAsString();
  }
}
