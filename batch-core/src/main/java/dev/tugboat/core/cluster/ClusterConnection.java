package dev.tugboat.core.cluster;

import io.kubernetes.client.openapi.ApiClient;

/**
 * A configured client for one cluster. Every request it sends passes the connection's retry and
 * rate-limit interceptors.
 *
 * @param apiClient the client to build APIs with
 * @param displayName what to call the cluster in logs and reports: the kubeconfig context, or the
 *     server URL
 */
public record ClusterConnection(ApiClient apiClient, String displayName) {

  /** The API server URL requests go to. */
  public String server() {
    return apiClient.getBasePath();
  }
}
