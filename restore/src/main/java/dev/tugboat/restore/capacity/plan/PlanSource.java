package dev.tugboat.restore.capacity.plan;

import java.util.Objects;

/** Where the applications come from: a live cluster (online) or a backup in the store (offline). */
public sealed interface PlanSource {

  /** An online migration reads the applications from a live cluster, which cutover may change. */
  record Live(ClusterAccess cluster) implements PlanSource {
    public Live {
      Objects.requireNonNull(cluster, "cluster");
    }
  }

  /**
   * An offline migration (disaster recovery) reads the applications from a backup; the source
   * cluster may be gone and is never touched.
   *
   * @param backup the backup's name in the store
   */
  record Stored(String backup) implements PlanSource {
    public Stored {
      Objects.requireNonNull(backup, "backup");
    }
  }
}
