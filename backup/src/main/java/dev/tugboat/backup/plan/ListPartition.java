package dev.tugboat.backup.plan;

import dev.tugboat.core.cluster.ApiResource;
import java.util.List;
import java.util.Set;

/**
 * One LIST the backup makes: a resource type in one namespace, across all namespaces, or
 * cluster-wide. A small value that the job keeps, with the rest of its plan, in the execution
 * context, so that a restart follows the same plan instead of making a new one.
 *
 * @param group API group, empty for the core group
 * @param version the version to list in (the catalog's choice when the plan was made)
 * @param plural lowercase plural, e.g. {@code deployments}
 * @param kind the kind of its objects, e.g. {@code Deployment}
 * @param scope where to list
 * @param namespace the namespace for {@link Scope#NAMESPACE}, empty otherwise
 */
public record ListPartition(
    String group, String version, String plural, String kind, Scope scope, String namespace) {

  /** Where a LIST looks. */
  public enum Scope {
    /** A cluster-scoped type. */
    CLUSTER,
    /** A namespaced type, in every namespace at once. */
    ALL_NAMESPACES,
    /** A namespaced type, in one namespace. */
    NAMESPACE
  }

  public ListPartition {
    if ((scope == Scope.NAMESPACE) == namespace.isEmpty()) {
      throw new IllegalArgumentException(
          "The partition of "
              + plural
              + " with scope "
              + scope
              + " has namespace '"
              + namespace
              + "': a namespace is required for NAMESPACE scope and forbidden otherwise");
    }
  }

  static ListPartition cluster(ApiResource resource) {
    return of(resource, Scope.CLUSTER, "");
  }

  static ListPartition allNamespaces(ApiResource resource) {
    return of(resource, Scope.ALL_NAMESPACES, "");
  }

  static ListPartition namespace(ApiResource resource, String namespace) {
    return of(resource, Scope.NAMESPACE, namespace);
  }

  private static ListPartition of(ApiResource resource, Scope scope, String namespace) {
    return new ListPartition(
        resource.group(), resource.version(), resource.plural(), resource.kind(), scope, namespace);
  }

  /**
   * The type to list, as much of it as a LIST needs: the verbs were checked when the plan was made,
   * so they are not kept.
   */
  public ApiResource resource() {
    return new ApiResource(
        group, version, plural, kind, scope != Scope.CLUSTER, Set.of(), List.of(), version);
  }

  /** The namespace to list in, or {@code null} to list every namespace (or a cluster type). */
  public String namespaceToList() {
    return scope == Scope.NAMESPACE ? namespace : null;
  }

  /** {@code plural.group}, or {@code plural} for the core group: Velero's archive folder name. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /**
   * The partition's stable identity, e.g. {@code deployments.apps@shop}, {@code deployments.apps@*}
   * (all namespaces) or {@code persistentvolumes@cluster}. Unique within a plan: a type is either
   * namespaced or not, so {@code @cluster} cannot be confused with a namespace called {@code
   * cluster}.
   */
  public String key() {
    return groupResource()
        + "@"
        + switch (scope) {
          case CLUSTER -> "cluster";
          case ALL_NAMESPACES -> "*";
          case NAMESPACE -> namespace;
        };
  }

  @Override
  public String toString() {
    return key();
  }
}
