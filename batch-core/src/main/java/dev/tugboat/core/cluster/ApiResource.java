package dev.tugboat.core.cluster;

import java.util.List;
import java.util.Set;

/**
 * One resource type a cluster serves, as discovery reports it: the entry of the resource catalog.
 *
 * @param group API group, empty for the core group
 * @param version the version Tugboat reads and writes this resource in: the group's preferred
 *     version when the resource is served there
 * @param plural lowercase plural name used in URLs, e.g. {@code deployments}
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 * @param verbs the verbs the server allows, e.g. {@code list}, {@code create}
 * @param shortNames short names, e.g. {@code deploy}
 * @param preferredVersion the group's preferred version (may differ from {@code version} when the
 *     resource is not served in it)
 */
public record ApiResource(
    String group,
    String version,
    String plural,
    String kind,
    boolean namespaced,
    Set<String> verbs,
    List<String> shortNames,
    String preferredVersion) {

  public ApiResource {
    verbs = Set.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
  }

  /**
   * {@code plural} for the core group, {@code plural.group} otherwise: Velero's archive folder
   * name.
   */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** {@code version} for the core group, {@code group/version} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean supports(String verb) {
    return verbs.contains(verb);
  }
}
