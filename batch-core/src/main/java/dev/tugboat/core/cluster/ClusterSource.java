package dev.tugboat.core.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where the address and credentials of a cluster come from. */
public sealed interface ClusterSource
    permits ClusterSource.Kubeconfig, ClusterSource.InCluster, ClusterSource.Explicit {

  /**
   * A kubeconfig file, as kubectl reads it.
   *
   * @param file the kubeconfig; {@code null} means the first entry of {@code $KUBECONFIG}, else
   *     {@code ~/.kube/config}, else the pod's service account when running inside a cluster
   * @param context the context to use; {@code null} means the file's {@code current-context}
   */
  record Kubeconfig(Path file, String context) implements ClusterSource {}

  /** The service account of the pod Tugboat runs in. */
  record InCluster() implements ClusterSource {}

  /**
   * A server given directly, without a kubeconfig.
   *
   * @param server the API server URL, e.g. {@code https://10.0.0.1:6443}
   * @param token a bearer token, or {@code null}
   * @param tokenFile a file holding the bearer token, re-read as it rotates, or {@code null}
   * @param certificateAuthority PEM file of the CA that signed the server certificate; {@code null}
   *     trusts the JVM's default trust store
   */
  record Explicit(URI server, String token, Path tokenFile, Path certificateAuthority)
      implements ClusterSource {

    public Explicit {
      Objects.requireNonNull(server, "server");
      if (token != null && tokenFile != null) {
        throw new IllegalArgumentException("Give either a token or a token file, not both");
      }
    }

    /** Keeps the token out of logs and error messages. */
    @Override
    public String toString() {
      return "Explicit[server="
          + server
          + ", token="
          + (token == null ? "none" : "<redacted>")
          + ", tokenFile="
          + tokenFile
          + ", certificateAuthority="
          + certificateAuthority
          + "]";
    }
  }
}
