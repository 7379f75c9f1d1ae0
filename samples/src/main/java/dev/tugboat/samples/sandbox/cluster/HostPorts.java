package dev.tugboat.samples.sandbox.cluster;

import com.google.gson.JsonObject;
import dev.tugboat.samples.sandbox.JsonFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The host ports a pod's containers claim, for the scheduler's NodePorts filter. */
final class HostPorts {

  private static final String ANY_IP = "0.0.0.0";

  /** One claimed port; an empty host IP means every address of the node. */
  record HostPort(String protocol, String hostIp, long port) {

    boolean conflictsWith(HostPort other) {
      return port == other.port
          && protocol.equals(other.protocol)
          && (hostIp.equals(ANY_IP) || other.hostIp.equals(ANY_IP) || hostIp.equals(other.hostIp));
    }
  }

  private HostPorts() {}

  static List<HostPort> of(JsonObject pod) {
    List<HostPort> ports = new ArrayList<>();
    for (JsonObject container : JsonFields.objects(pod, "spec", "containers")) {
      for (JsonObject port : JsonFields.objects(container, "ports")) {
        long hostPort = JsonFields.integer(port, 0, "hostPort");
        if (hostPort > 0) {
          String protocol = JsonFields.string(port, "protocol");
          String hostIp = JsonFields.string(port, "hostIP");
          ports.add(
              new HostPort(
                  protocol == null || protocol.isEmpty() ? "TCP" : protocol,
                  hostIp == null || hostIp.isEmpty() ? ANY_IP : hostIp,
                  hostPort));
        }
      }
    }
    return ports;
  }

  static boolean conflict(Collection<HostPort> wanted, Collection<HostPort> taken) {
    return wanted.stream().anyMatch(port -> taken.stream().anyMatch(port::conflictsWith));
  }
}
