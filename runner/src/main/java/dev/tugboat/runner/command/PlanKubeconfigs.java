package dev.tugboat.runner.command;

import dev.tugboat.restore.capacity.plan.ClusterAccess;
import java.nio.file.Path;

/** Where a plan's cluster is configured: the plan's kubeconfig is relative to the plan file. */
final class PlanKubeconfigs {

  private PlanKubeconfigs() {}

  /**
   * @param planFile the plan file; null for a plan made from flags, which names no kubeconfig
   * @param fallback --kubeconfig, or null for the default lookup
   * @return the plan's kubeconfig resolved against the plan file's folder, else {@code fallback}
   */
  static Path of(Path planFile, ClusterAccess cluster, Path fallback) {
    return cluster
        .kubeconfig()
        .map(file -> folderOf(planFile).resolve(file).toAbsolutePath())
        .orElse(fallback);
  }

  private static Path folderOf(Path planFile) {
    Path parent = planFile == null ? null : planFile.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("");
  }
}
