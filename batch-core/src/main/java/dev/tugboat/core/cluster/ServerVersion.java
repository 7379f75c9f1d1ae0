package dev.tugboat.core.cluster;

/**
 * The Kubernetes version of a cluster, as {@code /version} reports it. Fields the server leaves out
 * are empty strings.
 *
 * @param gitVersion e.g. {@code v1.36.1}
 * @param major e.g. {@code 1}
 * @param minor e.g. {@code 36}, or {@code 36+} on some managed clusters
 */
public record ServerVersion(String gitVersion, String major, String minor) {}
