package dev.tugboat.backup.staging;

import dev.tugboat.core.cluster.ApiResource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

  /**
   * The record of an object named by its {@code apiVersion}, e.g. {@code apps/v1} or {@code v1}.
   */
  public static StagedItem withApiVersion(
      String groupResource,
      String apiVersion,
      String kind,
      String namespace,
      String name,
      byte[] json) {
    String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
    return new StagedItem(groupResource, version, kind, namespace, name, json);
  }

  /** E.g. {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    int dot = groupResource.indexOf('.');
    return dot < 0 ? version : groupResource.substring(dot + 1) + "/" + version;
  }

  /**
   * The item's type as far as the record tells: no verbs or short names, and the version it was
   * read in taken as the preferred one.
   */
  public ApiResource type() {
    int dot = groupResource.indexOf('.');
    String plural = dot < 0 ? groupResource : groupResource.substring(0, dot);
    String group = dot < 0 ? "" : groupResource.substring(dot + 1);
    return new ApiResource(
        group, version, plural, kind, !isClusterScoped(), Set.of(), List.of(), version);
  }

  public boolean isClusterScoped() {
    return namespace.isEmpty();
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped object. */
  public String key() {
    return isClusterScoped() ? name : namespace + "/" + name;
  }
}
