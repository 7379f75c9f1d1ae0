package dev.tugboat.core.cluster;

import java.nio.file.Path;
import java.util.Map;

/**
 * What of the host process decides how a cluster is found: environment variables, the home folder
 * and the service-account folder a pod gets mounted. Tests pass their own.
 *
 * @param variables environment variables ({@code KUBECONFIG}, {@code KUBERNETES_SERVICE_HOST},
 *     {@code KUBERNETES_SERVICE_PORT})
 * @param home the user's home folder, holding {@code .kube/config}
 * @param serviceAccountRoot the folder holding {@code token} and {@code ca.crt} inside a pod
 */
public record ClusterEnvironment(
    Map<String, String> variables, Path home, Path serviceAccountRoot) {

  public static final Path SERVICE_ACCOUNT_ROOT =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  public ClusterEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The environment of this JVM. */
  public static ClusterEnvironment system() {
    return new ClusterEnvironment(
        System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT_ROOT);
  }

  /** The value of an environment variable, or {@code null} when unset or blank. */
  public String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
