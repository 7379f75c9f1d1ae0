package dev.tugboat.backup.plan;

import dev.tugboat.core.cluster.ApiResource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resource types that one API server serves in two groups over the same stored objects, so that
 * backing up both would store every object twice (Velero's "cohabitating resources"). The first of
 * a pair in {@link ResourceOrder} is backed up and the second skipped: apps over extensions,
 * networking.k8s.io over extensions, core events over events.k8s.io.
 */
final class Cohabitants {

  private static final Map<String, Set<String>> GROUPS_BY_PLURAL =
      Map.of(
          "deployments", Set.of("apps", "extensions"),
          "daemonsets", Set.of("apps", "extensions"),
          "replicasets", Set.of("apps", "extensions"),
          "networkpolicies", Set.of("networking.k8s.io", "extensions"),
          "events", Set.of("", "events.k8s.io"));

  /** The backed-up type of each pair, by plural. */
  private final Map<String, String> keptByPlural = new HashMap<>();

  /**
   * Records a type that will be backed up, and tells whether its twin already is.
   *
   * @return the group resource of the twin already backed up, when there is one
   */
  Optional<String> twinAlreadyKept(ApiResource resource) {
    Set<String> groups = GROUPS_BY_PLURAL.get(resource.plural());
    if (groups == null || !groups.contains(resource.group())) {
      return Optional.empty();
    }
    String kept = keptByPlural.putIfAbsent(resource.plural(), resource.groupResource());
    return Optional.ofNullable(kept);
  }
}
