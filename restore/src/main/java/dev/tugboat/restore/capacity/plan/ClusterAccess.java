package dev.tugboat.restore.capacity.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a cluster: a kubeconfig context, in the given kubeconfig file or the default one
 * ({@code KUBECONFIG}, then {@code ~/.kube/config}).
 *
 * @param context the kubeconfig context
 * @param kubeconfig the kubeconfig file; empty for the default one
 */
public record ClusterAccess(String context, Optional<String> kubeconfig) {

  public ClusterAccess {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(kubeconfig, "kubeconfig");
  }
}
