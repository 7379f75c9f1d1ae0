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
    JsonObject stringData = Json.object(secret, "stringData");
    if (stringData != null) {
      JsonObject data = Json.objectOrCreate(secret, "data");
      for (Map.Entry<String, JsonElement> entry : stringData.entrySet()) {
        byte[] value = entry.getValue().getAsString().getBytes(StandardCharsets.UTF_8);
        data.addProperty(entry.getKey(), Base64.getEncoder().encodeToString(value));
      }
      secret.remove("stringData");
    }
    if (Json.string(secret, "type") == null) {
      secret.addProperty("type", "Opaque");
    }
  }

  private void service(JsonObject service, JsonObject old) {
    JsonObject spec = Json.objectOrCreate(service, "spec");
    if (Json.string(spec, "type") == null) {
      spec.addProperty("type", "ClusterIP");
    }
    if ("ExternalName".equals(Json.string(spec, "type"))) {
      return;
    }
    String clusterIp = Json.string(spec, "clusterIP");
    if (clusterIp == null || clusterIp.isEmpty()) {
      // An update that leaves the address out keeps it, as the API server does.
      String previous = Json.string(Json.object(old, "spec"), "clusterIP");
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
    String name = Json.string(Json.object(namespace, "metadata"), "name");
    if (name != null) {
      Json.objectOrCreate(Json.objectOrCreate(namespace, "metadata"), "labels")
          .addProperty("kubernetes.io/metadata.name", name);
    }
    JsonObject spec = Json.objectOrCreate(namespace, "spec");
    if (!spec.has("finalizers")) {
      JsonArray finalizers = new JsonArray();
      finalizers.add("kubernetes");
      spec.add("finalizers", finalizers);
    }
    // The phase belongs to the server: clients cannot end a namespace's termination.
    String phase = old == null ? "Active" : Json.stringAt(old, "status.phase");
    Json.objectOrCreate(namespace, "status").addProperty("phase", phase == null ? "Active" : phase);
  }
}
