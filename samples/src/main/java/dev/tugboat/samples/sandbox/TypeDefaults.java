package dev.tugboat.samples.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The defaults and conversions the API server applies to some built-in kinds on every write: Secret
 * {@code stringData} into {@code data}, Service cluster IPs, Namespace phase and finalizers.
 * Callers hold the store's write lock.
 */
final class TypeDefaults {

  private final ClusterIpAllocator clusterIps = new ClusterIpAllocator();

  /**
   * @param old the stored object for an update, null for a create
   */
  void apply(ResourceType type, JsonObject object, JsonObject old) {
    if (!type.group().isEmpty()) {
      return;
    }
    switch (type.kind()) {
      case "Secret" -> secret(object);
      case "Service" -> service(object, old);
      case "Namespace" -> namespace(object, old);
      default -> {
        // no defaults for other kinds
      }
    }
  }

  private static void secret(JsonObject secret) {
    JsonObject stringData = JsonFields.object(secret, "stringData");
    if (stringData != null) {
      JsonObject data = JsonFields.child(secret, "data");
      for (Map.Entry<String, JsonElement> entry : stringData.entrySet()) {
        byte[] value = entry.getValue().getAsString().getBytes(StandardCharsets.UTF_8);
        data.addProperty(entry.getKey(), Base64.getEncoder().encodeToString(value));
      }
      secret.remove("stringData");
    }
    if (JsonFields.string(secret, "type") == null) {
      secret.addProperty("type", "Opaque");
    }
  }

  private void service(JsonObject service, JsonObject old) {
    JsonObject spec = JsonFields.child(service, "spec");
    if (JsonFields.string(spec, "type") == null) {
      spec.addProperty("type", "ClusterIP");
    }
    if ("ExternalName".equals(JsonFields.string(spec, "type"))) {
      return;
    }
    String clusterIp = JsonFields.string(spec, "clusterIP");
    if (clusterIp == null || clusterIp.isEmpty()) {
      // An update that leaves the address out keeps it, as the API server does.
      String previous = JsonFields.string(old, "spec", "clusterIP");
      clusterIp = previous != null ? previous : clusterIps.allocate();
      spec.addProperty("clusterIP", clusterIp);
    } else if (!"None".equals(clusterIp)) {
      clusterIps.reserve(clusterIp);
    }
    if (!spec.has("clusterIPs")) {
      JsonArray addresses = new JsonArray();
      addresses.add(clusterIp);
      spec.add("clusterIPs", addresses);
    }
  }

  private static void namespace(JsonObject namespace, JsonObject old) {
    String name = JsonFields.string(namespace, "metadata", "name");
    if (name != null) {
      JsonFields.child(JsonFields.child(namespace, "metadata"), "labels")
          .addProperty("kubernetes.io/metadata.name", name);
    }
    JsonObject spec = JsonFields.child(namespace, "spec");
    if (!spec.has("finalizers")) {
      JsonArray finalizers = new JsonArray();
      finalizers.add("kubernetes");
      spec.add("finalizers", finalizers);
    }
    // The phase belongs to the server: clients cannot end a namespace's termination.
    String phase = old == null ? "Active" : JsonFields.string(old, "status", "phase");
    JsonFields.child(namespace, "status").addProperty("phase", phase == null ? "Active" : phase);
  }
}
