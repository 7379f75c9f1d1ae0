package dev.tugboat.restore.capacity.plan;

/** How a plan migrates, derived from its source and target (issue 7, "Modes"). */
public enum MigrationMode {
  /** From a live source cluster to a target cluster. */
  ONLINE,
  /** From a backup in the store; the source cluster is never touched. */
  OFFLINE,
  /** To a Karmada control plane that adopts the objects already running in a member cluster. */
  KARMADA
}
