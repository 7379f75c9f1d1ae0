package dev.tugboat.runner.command;

import dev.tugboat.backup.plan.IncludeClusterResources;
import java.util.Locale;

/** The value of {@code --include-cluster-resources}, shared by backups and restores. */
final class ClusterResourcesOption {

  private ClusterResourcesOption() {}

  /**
   * Parses {@code auto}, {@code true} or {@code false}, in any case.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  static IncludeClusterResources parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> IncludeClusterResources.AUTO;
      case "true" -> IncludeClusterResources.TRUE;
      case "false" -> IncludeClusterResources.FALSE;
      default ->
          throw new IllegalArgumentException(
              "--include-cluster-resources must be auto, true or false, not '" + value + "'");
    };
  }
}
