package dev.tugboat.core.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The credentials Kubernetes mounts into a pod: token and CA certificate files, and the API server
 * address in environment variables.
 */
final class ServiceAccount {

  static final String HOST_VARIABLE = "KUBERNETES_SERVICE_HOST";
  static final String PORT_VARIABLE = "KUBERNETES_SERVICE_PORT";

  private ServiceAccount() {}

  /** Whether this process looks like it runs in a pod with a mounted service account. */
  static boolean present(ClusterEnvironment environment) {
    return environment.variable(HOST_VARIABLE) != null
        && Files.exists(environment.serviceAccountRoot().resolve("token"));
  }

  /** The API server and service-account files as an explicit source. */
  static ClusterSource.Explicit source(ClusterEnvironment environment) {
    String host = environment.variable(HOST_VARIABLE);
    if (host == null) {
      throw new ClusterAccessException(
          HOST_VARIABLE + " is not set: Tugboat is not running inside a Kubernetes pod");
    }
    String port = environment.variable(PORT_VARIABLE);
    Path root = environment.serviceAccountRoot();
    Path token = root.resolve("token");
    Path ca = root.resolve("ca.crt");
    if (!Files.exists(token) || !Files.exists(ca)) {
      throw new ClusterAccessException(
          "No service-account token and ca.crt in "
              + root
              + " (is automountServiceAccountToken disabled for this pod?)");
    }
    return new ClusterSource.Explicit(server(host, port == null ? "443" : port), null, token, ca);
  }

  private static URI server(String host, String port) {
    try {
      // This URI constructor adds the brackets an IPv6 service address needs.
      return new URI("https", null, host, Integer.parseInt(port), null, null, null);
    } catch (NumberFormatException | URISyntaxException e) {
      throw new ClusterAccessException(
          "Invalid API server address in " + HOST_VARIABLE + "/" + PORT_VARIABLE, e);
    }
  }
}
