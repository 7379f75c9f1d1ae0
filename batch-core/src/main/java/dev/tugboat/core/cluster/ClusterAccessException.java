package dev.tugboat.core.cluster;

/**
 * Cluster access cannot be configured: missing or unreadable kubeconfig, unknown context, missing
 * service-account files, unreadable token or certificate file.
 */
public class ClusterAccessException extends RuntimeException {

  public ClusterAccessException(String message) {
    super(message);
  }

  public ClusterAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
