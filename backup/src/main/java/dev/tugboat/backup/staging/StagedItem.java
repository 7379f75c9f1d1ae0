package dev.tugboat.backup.staging;

import java.util.Objects;

/**
 * One object read from the cluster and kept until the archive is assembled, with what the archive
 * needs to place it.
 *
 * @param groupResource Velero's folder name, e.g. {@code deployments.apps}
 * @param version the version the object was read in, e.g. {@code v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace the object's namespace; empty for a cluster-scoped object
 * @param name the object's name
 * @param json the object as compact JSON, exactly as it goes into the archive
 */
public record StagedItem(
    String groupResource, String version, String kind, String namespace, String name, byte[] json) {

  public StagedItem {
    Objects.requireNonNull(groupResource, "groupResource");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(json, "json");
  }

  /** E.g. {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    int dot = groupResource.indexOf('.');
    return dot < 0 ? version : groupResource.substring(dot + 1) + "/" + version;
  }

  public boolean isClusterScoped() {
    return namespace.isEmpty();
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped object. */
  public String key() {
    return isClusterScoped() ? name : namespace + "/" + name;
  }
}
