package dev.tugboat.samples.sandbox;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The address and port cells of a service's row, as the API server prints them. */
final class ServiceCells {

  private ServiceCells() {}

  static String clusterIp(JsonObject service) {
    return orNone(JsonFields.string(service, "spec", "clusterIP"));
  }

  /**
   * {@code spec.externalIPs}, plus the load balancer's ingress for a LoadBalancer ({@code
   * <pending>} while it has none), or {@code spec.externalName} for an ExternalName service.
   */
  static String externalIp(JsonObject service) {
    String type = JsonFields.string(service, "spec", "type");
    List<String> addresses = new ArrayList<>(JsonFields.strings(service, "spec", "externalIPs"));
    switch (type == null ? "ClusterIP" : type) {
      case "ClusterIP", "NodePort" -> {
        return addresses.isEmpty() ? "<none>" : String.join(",", addresses);
      }
      case "LoadBalancer" -> {
        for (JsonObject ingress :
            JsonFields.objects(service, "status", "loadBalancer", "ingress")) {
          String ip = JsonFields.string(ingress, "ip");
          addresses.add(ip != null ? ip : JsonFields.string(ingress, "hostname"));
        }
        return addresses.isEmpty() ? "<pending>" : String.join(",", addresses);
      }
      case "ExternalName" -> {
        return orNone(JsonFields.string(service, "spec", "externalName"));
      }
      default -> {
        return "<unknown>";
      }
    }
  }

  /** {@code 80/TCP}, or {@code 80:30080/TCP} with a node port, comma-separated. */
  static String ports(JsonObject service) {
    List<String> ports = new ArrayList<>();
    for (JsonObject port : JsonFields.objects(service, "spec", "ports")) {
      long nodePort = JsonFields.integer(port, 0, "nodePort");
      String protocol = JsonFields.string(port, "protocol");
      ports.add(
          JsonFields.integer(port, 0, "port")
              + (nodePort != 0 ? ":" + nodePort : "")
              + "/"
              + (protocol == null ? "TCP" : protocol));
    }
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }
}
