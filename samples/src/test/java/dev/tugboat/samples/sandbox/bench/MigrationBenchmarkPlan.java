package dev.tugboat.samples.sandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The migration benchmark's MigrationPlan: offline from a backup of a {@code generated:<N>x10}
 * sandbox, one application per namespace ({@code bench-0000}...), all in one tier so that the
 * plan's parallelism alone decides how many move at once, no cutover, and {@code abort} when they
 * do not all fit (a benchmark of a partial migration would measure something else).
 */
final class MigrationBenchmarkPlan {

  /** The tier of every application: not core, so that nothing is special about them. */
  private static final int TIER = 1;

  private MigrationBenchmarkPlan() {}

  /** The namespace, and application, of the seed's {@code index}th namespace. */
  static String application(int index) {
    return String.format(Locale.ROOT, "bench-%04d", index);
  }

  /**
   * Writes the plan.
   *
   * @param name the migration's id, unique in the store (its report is named after it)
   * @param targetKubeconfig the target sandbox's kubeconfig, whose context is named {@code name}
   */
  static Path write(
      Path file,
      String name,
      String backup,
      Path targetKubeconfig,
      int applications,
      int parallelism)
      throws IOException {
    StringBuilder plan = new StringBuilder();
    plan.append(
        """
        apiVersion: tugboat.dev/v1
        kind: MigrationPlan
        name: %s
        source:
          backup: %s
        target:
          context: %s
          kubeconfig: %s
        applications:
        """
            .formatted(name, backup, name, targetKubeconfig.toAbsolutePath()));
    for (int index = 0; index < applications; index++) {
      plan.append(
          """
            - name: %1$s
              tier: %2$d
              selector:
                namespaces: [%1$s]
          """
              .formatted(application(index), TIER));
    }
    plan.append(
        """
        excludedResources: [events, events.events.k8s.io]
        headroom: 0%%
        onInsufficientCapacity: abort
        ladder: [1.0]
        allowCoreDegrade: false
        parallelism: %d
        readinessTimeout: 10m
        cutover: none
        conflictPolicy: none
        """
            .formatted(parallelism));
    return Files.writeString(file, plan);
  }
}
