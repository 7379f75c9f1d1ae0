package dev.tugboat.core.cluster;

/**
 * An API group version whose resource list could not be read; its resources are missing from the
 * catalog.
 *
 * @param groupVersion e.g. {@code metrics.k8s.io/v1beta1}
 * @param reason what went wrong, e.g. {@code HTTP 503: service unavailable}
 */
public record DiscoveryFailure(String groupVersion, String reason) {}
