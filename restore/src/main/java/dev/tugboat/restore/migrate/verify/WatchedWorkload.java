package dev.tugboat.restore.migrate.verify;

import dev.tugboat.core.cluster.ApiResource;
import java.util.Objects;
import java.util.Set;

/**
 * A workload of a migrated application, as it should now run in the target cluster.
 *
 * @param type its resource type in the target: a Deployment, StatefulSet, ReplicaSet, DaemonSet,
 *     Job, CronJob or (bare) Pod
 * @param namespace its namespace in the target, after namespace mapping
 * @param name its name
 * @param plannedReplicas the replicas the capacity plan gave it; read for Deployments, StatefulSets
 *     and ReplicaSets only (a DaemonSet runs where its nodes are, a Job as its spec says)
 */
public record WatchedWorkload(
    ApiResource type, String namespace, String name, int plannedReplicas) {

  /** The kinds whose readiness Tugboat knows how to judge. */
  static final Set<String> KINDS =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "Job", "CronJob", "Pod");

  public WatchedWorkload {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!KINDS.contains(type.kind())) {
      throw new IllegalArgumentException(
          "cannot watch the readiness of a " + type.kind() + " (" + namespace + "/" + name + ")");
    }
    if (plannedReplicas < 0) {
      throw new IllegalArgumentException(
          type.kind() + " " + namespace + "/" + name + ": planned replicas " + plannedReplicas);
    }
  }

  /** e.g. {@code Deployment shop/web}. */
  public String describe() {
    return type.kind() + " " + namespace + "/" + name;
  }
}
