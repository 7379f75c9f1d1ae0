package dev.tugboat.samples.sandbox;

import java.util.List;
import java.util.Set;

/**
 * One resource type the sandbox serves in one version, e.g. {@code apps/v1 deployments}: what
 * discovery announces about it and how its objects behave.
 *
 * @param group API group, empty for the core group
 * @param plural the URL segment, e.g. {@code deployments}
 * @param subresources among {@code status} and {@code scale}
 * @param selectableFields field-selector fields beyond {@code metadata.name} and {@code
 *     metadata.namespace}, as dotted JSON paths, e.g. {@code spec.nodeName}
 * @param deleteReturnsObject whether a DELETE that removes an object answers with the object (pods,
 *     services...) rather than a {@code Status}
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    Set<String> subresources,
    List<String> selectableFields,
    boolean deleteReturnsObject) {

  /** The verbs every sandbox type supports. */
  public static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ResourceType {
    shortNames = List.copyOf(shortNames);
    subresources = Set.copyOf(subresources);
    selectableFields = List.copyOf(selectableFields);
  }

  /** {@code v1} for the core group, {@code group/version} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code deployments.apps}, or {@code pods} in the core group: how error messages name it. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public String listKind() {
    return kind + "List";
  }

  /** The key of the type in {@code apiVersion/kind} form that {@link Controller}s use. */
  public String kindKey() {
    return apiVersion() + "/" + kind;
  }

  public boolean hasStatus() {
    return subresources.contains("status");
  }

  public boolean hasScale() {
    return subresources.contains("scale");
  }
}
